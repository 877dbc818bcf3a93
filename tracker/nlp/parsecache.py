"""A parse cache for the evaluation tools: spaCy's Doc of an article kept on disk, reused when nothing
that made it has changed, so re-extracting a corpus after a rule change skips the model.

A Doc is stored whole after the pipeline has run (ruler, ner, entity_fixer, parser: every component),
as `Doc.to_bytes` without its tensor, which no rule reads; the rules then run on the loaded Doc as they
would on a fresh one. The key is a hash of the exact text given to spaCy (after plaintext's
normalisation) and of everything that shapes the parse: the model's name and version, spaCy's version,
the pipe names, the numpy-ops setting, the curated vocabulary's key, the entity pattern files
(patterns/entit*.jsonl, read by the ruler and the fixer) and the source of components.py. Any change
to them misses the cache; stale files are never read, only left behind (delete the folder to reclaim
the space). Our components set no custom attributes (`Doc._`, `Token._`); one that did would need
`user_data`, which `to_bytes` keeps.

Only for offline tools (`manage.py extract --parse-cache DIR`): workers parse each article once anyway.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tracker.nlp import components

EXCLUDE = ["tensor"]  # the rules never read it, and it is most of a Doc's bytes


def fingerprint(nlp: Language, *, model: str, vocabulary_key: str, numpy_ops: bool) -> str:
    """A hash of what shapes a parse besides the text (see the module docstring)."""
    digest = hashlib.sha256()
    parts = [
        model,
        str(nlp.meta.get("name")),
        str(nlp.meta.get("version")),
        spacy.__version__,
        ",".join(nlp.pipe_names),
        f"numpy_ops={numpy_ops}",
        vocabulary_key,
    ]
    for part in parts:
        digest.update(part.encode() + b"\0")
    sources = [Path(components.__file__), *sorted(components.PATTERNS_DIR.glob("entit*.jsonl"))]
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class ParseCache:
    """Docs on disk under `directory`, one file per (fingerprint, text)."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        self.directory = Path(directory)
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0

    def path(self, text: str) -> Path:
        key = hashlib.sha256(self.fingerprint.encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
        name = key.hexdigest()
        return self.directory / name[:2] / f"{name}.doc"

    def load(self, nlp: Language, text: str) -> Doc | None:
        try:
            data = self.path(text).read_bytes()
        except FileNotFoundError:
            return None
        doc = Doc(nlp.vocab).from_bytes(zlib.decompress(data))
        if doc.text != text:  # a hash collision or a damaged file: parse again
            return None
        return doc

    def store(self, text: str, doc: Doc) -> None:
        """Write atomically, so two processes sharing a folder never read half a file."""
        path = self.path(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        data = zlib.compress(doc.to_bytes(exclude=EXCLUDE), 1)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)

    def parse(self, nlp: Language, texts: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """The Doc of each text, in order: loaded when cached, else parsed (in batches) and stored.
        Cached Docs are read one at a time, as they are needed."""
        texts = list(texts)
        present = [self.path(text).is_file() for text in texts]
        missing = nlp.pipe((t for t, p in zip(texts, present, strict=True) if not p), batch_size=batch_size)
        for text, cached in zip(texts, present, strict=True):
            doc = self.load(nlp, text) if cached else None
            if doc is not None:
                self.hits += 1
                yield doc
                continue
            doc = next(missing) if not cached else nlp(text)  # nlp(text): a damaged file, parsed again
            self.store(text, doc)
            self.misses += 1
            yield doc
