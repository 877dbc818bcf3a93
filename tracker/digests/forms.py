"""Forms of the subscribe and preferences pages."""

from __future__ import annotations

from django import forms

from tracker.cases.models import Case, Entity
from tracker.digests.models import Frequency, Subscription


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254)
    frequency = forms.ChoiceField(
        label="How often", choices=Frequency.choices, initial=Frequency.DAILY, widget=forms.RadioSelect
    )
    case = forms.ModelChoiceField(queryset=Case.objects.all(), required=False, widget=forms.HiddenInput)
    # Curated entities only, as on the pages and in the API: a candidate is the machine's guess.
    entity = forms.ModelChoiceField(
        queryset=Entity.objects.curated(),
        required=False,
        widget=forms.HiddenInput,
    )

    def clean_email(self) -> str:
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("case") and not data.get("entity"):
            # From the timeline: follow the first active case (the tracker's main subject).
            data["case"] = Case.objects.filter(status=Case.Status.ACTIVE).order_by("pk").first()
            if data["case"] is None:
                raise forms.ValidationError("There is nothing to follow yet.")
        return data


class PreferencesForm(forms.Form):
    frequency = forms.ChoiceField(label="How often", choices=Frequency.choices, widget=forms.RadioSelect)
    keep = forms.ModelMultipleChoiceField(
        label="What you follow",
        queryset=Subscription.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Untick what you no longer want to follow.",
    )
    paused = forms.BooleanField(label="Pause all digests for now", required=False)

    def __init__(self, *args, subscriber, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = subscriber.subscriptions.select_related("case", "entity")
        self.fields["keep"].label_from_instance = lambda s: str(s.case or s.entity)
