"""Copies translated into other languages keep their original's names and figures but not their spelling
(`anchors`, session 31): a language that capitalises its nouns (German), figures written with a decimal
comma and a point between thousands, dates and weekdays in the translation's own words. Invented texts
about an invented case; the distinct reports name the same cast and figures and stay unlinked."""

from __future__ import annotations

import pytest

from tests.support.stored_articles import stored
from tracker.sources import anchors, close_reading, dedupe

pytestmark = pytest.mark.django_db

ORIGINAL = """Judge orders Garrick Dynamics to pay Pellow Instruments $36.4 million

DENVER (Larch Wire) - A Colorado judge ruled on Thursday that Garrick Dynamics copied the firmware of \
Pellow Instruments' Osprey sensor and ordered the company to pay $36.4 million, after a trial that began \
on January 12, 2026.

District Judge Imogen Tullworth found that Garrick engineers had moved 2,400 files into a folder named \
after the Osprey. She cleared Garrick founder Lucius Brennholt of personal liability.

Pellow chief executive Marisa Quenby said the company would ask the court to stop sales of the Kestrel \
sensor. "We built Osprey in eleven years," Pellow lawyer Dorian Haskett said.

Garrick lawyer Annika Velde said the company would appeal.

Reporting by Ottilie Marsh; editing by Bram Tessel"""

GERMAN = """Richterin verurteilt Garrick Dynamics zur Zahlung von 36,4 Millionen Dollar an Pellow Instruments

DENVER (Larch Wire) - Eine Richterin in Colorado hat am Donnerstag entschieden, dass Garrick Dynamics die \
Firmware des Osprey-Sensors von Pellow Instruments kopiert hat, und ordnete an, dass das Unternehmen 36,4 \
Millionen Dollar zahlt, nach einem Prozess, der am 12. Januar 2026 begann.

Bezirksrichterin Imogen Tullworth stellte fest, dass Ingenieure von Garrick 2.400 Dateien in einen nach dem \
Osprey-Sensor benannten Ordner verschoben hatten. Sie sprach den Gründer von Garrick, Lucius Brennholt, von \
der persönlichen Haftung frei.

Die Geschäftsführerin von Pellow, Marisa Quenby, sagte, das Unternehmen werde das Gericht bitten, den \
Verkauf des Kestrel-Sensors zu stoppen. „Wir haben Osprey in elf Jahren gebaut“, sagte der Pellow-Anwalt \
Dorian Haskett.

Die Garrick-Anwältin Annika Velde sagte, das Unternehmen werde Berufung einlegen.

Berichterstattung von Ottilie Marsh; Bearbeitung von Bram Tessel. Dieser Artikel wurde maschinell aus dem \
Englischen übersetzt."""

# Two distinct reports of the same case: the same cast and figures, other days, other words.
DISTINCT = [
    """DENVER - Pellow Instruments chief executive Marisa Quenby told District Judge Imogen Tullworth on \
Tuesday that she first saw the Osprey firmware inside a Kestrel sensor at a trade fair, a year after \
Garrick Dynamics had been shown it under a licence.

"I knew our code the moment I saw it," Quenby said under questioning by Dorian Haskett. On \
cross-examination, Annika Velde asked why Pellow waited to sue, and Quenby said the company had hoped to \
settle. Garrick founder Lucius Brennholt is expected to testify next week. Pellow seeks $36.4 million.""",
    """DENVER - Garrick Dynamics founder Lucius Brennholt told District Judge Imogen Tullworth on Monday \
that his engineers wrote the Kestrel firmware themselves and never opened the 2,400 files Pellow \
Instruments says were copied from its Osprey sensor.

"We did not need Osprey," Brennholt said under questioning by Annika Velde. Dorian Haskett, for Pellow, \
showed him a folder named after the Osprey, and Brennholt said he had never seen it. Marisa Quenby watched \
from the gallery.""",
]

FRENCH = """Le tribunal a statué le jeudi 12 janvier 2026 que Garrick Dynamics devait payer 36,4 millions \
de dollars à Pellow Instruments, et la juge Imogen Tullworth a écarté la responsabilité personnelle du \
fondateur Lucius Brennholt, qui avait déclaré que ses ingénieurs avaient écrit le logiciel eux-mêmes."""

ENGLISH = """The court ruled on Thursday, January 12, 2026, that Garrick Dynamics must pay $36.4 million \
to Pellow Instruments, and the judge, Imogen Tullworth, cleared founder Lucius Brennholt of liability, \
after he said his engineers had written the software themselves and that nobody at the company ever \
opened the files."""


def test_a_german_translation_is_linked_by_its_names_not_its_capitalised_nouns():
    """Every German noun is capitalised: read as names they drown the original's (an anchor similarity
    of 0.1 here); the names written side by side or in a hyphened compound, and their other mentions,
    are what the original holds too."""
    first = stored(0, "distinct", DISTINCT[0])
    original = stored(1, "wire", ORIGINAL)
    second = stored(2, "distinct", DISTINCT[1])
    german = stored(3, "german", GERMAN)
    assert german.copy_of_id == original.pk
    assert [a.copy_of_id for a in (first, original, second)] == [None, None, None]
    words = dedupe.normalised_words
    for text in DISTINCT:
        assert close_reading.closeness(GERMAN, words(GERMAN), text, words(text)) == 0


def test_a_german_texts_names_are_its_capitalised_words_side_by_side_or_compounded():
    sequence = anchors.anchor_sequence(GERMAN)
    assert {"tullworth", "osprey", "kestrel", "haskett", "velde", "brennholt", "garrick"} <= set(sequence)
    assert not {"richterin", "firmware", "ingenieure", "dateien", "millionen", "dollar", "gericht"} & set(
        sequence
    )


def test_figures_are_read_with_a_decimal_comma_or_points_between_thousands():
    assert anchors.anchor_words("paid 36,4 and 2.400 and 1.234,5") == ["36.4", "2400", "1234.5"]
    assert anchors.anchor_words("paid 36.4 and 2,400 and 1,234.5") == ["36.4", "2400", "1234.5"]


def test_dates_and_weekdays_in_a_translations_own_words_are_the_originals():
    """A month or weekday in French is the English one (any case), as a number is a number: the two
    sentences give the same names, figures and date."""
    assert anchors.anchor_sequence(FRENCH) == anchors.anchor_sequence(ENGLISH)


def test_an_ordinals_point_before_a_month_ends_no_sentence():
    """ "am 12. Januar 2026" keeps the day with its month and year in one sentence (sorted together, as
    the original's "January 12, 2026")."""
    sentence = "Der Prozess gegen Garrick Dynamics begann am 12. Januar 2026 in Denver."
    assert anchors._sentences().split(sentence) == [sentence]


def test_english_titles_of_office_are_no_anchors():
    """English capitalises a title before a name, a French translation does not ("la juge fédérale"): the
    two sentences give the same anchors. Seen failing with `anchors._titles` empty (session 33)."""
    english = "Jurors heard U.S. District Judge Nadia Ferrante and Chief Executive Oren Blaise."
    french = "Les jurés ont entendu la juge fédérale Nadia Ferrante et le directeur général Oren Blaise."
    assert (
        anchors.anchor_words(english)
        == anchors.anchor_words(french)
        == ["nadia", "ferrante", "oren", "blaise"]
    )
