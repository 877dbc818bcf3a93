"""The one hand-off from sources upward: an article whose text is stored (or changed) is ready.

Receivers (the extraction, in crossref) get `article_id`. It is sent after the transaction that
stored the text commits, so a receiver that enqueues a task never races the write.
"""

from django.dispatch import Signal

article_ready = Signal()  # sender=Article, article_id=int
