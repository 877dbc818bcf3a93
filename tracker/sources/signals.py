"""The one hand-off from sources upward: an article whose text is stored (or changed) is ready.

Receivers (the extraction, in crossref) get `article_id`. It is sent after the transaction that
stored the text commits, so a receiver that enqueues a task never races the write.
"""

from django.dispatch import Signal

article_ready = Signal()  # sender=Article, article_id=int

# Sent by in-process ingestion (`poll_feeds --sync`, `loadsample`) with the ids of the articles it
# stored or changed, so the rest of the chain (extraction, cross-referencing) can run in the same
# process and a script can read the result at once. Workers use article_ready instead.
articles_ingested = Signal()  # sender=Feed, article_ids=list[int]
