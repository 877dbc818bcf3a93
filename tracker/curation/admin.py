"""The curators' screens in the admin, split by subject: the entity vocabulary (entity_admin), the claim
review queue (claim_admin) with its sample checks (sample_admin), events, stories and discrepancies
(event_admin). Importing them registers them; the admin URLs stay those of the models' own apps
(admin:crossref_claim_change, ...).
"""

from tracker.curation import claim_admin, entity_admin, event_admin, sample_admin  # noqa: F401
