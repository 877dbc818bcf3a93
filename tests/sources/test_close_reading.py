"""Copies the signatures come close to without reaching (`close_reading`): a translated-sounding copy,
which shares almost no word 5-shingles with its original, and a shortened one, whose similarity is no
higher than the share it keeps. Invented texts about an invented case; the distinct reports name the same
cast and figures, as one case's coverage does, and stay unlinked."""

from __future__ import annotations

import pytest

from tests.support.stored_articles import stored
from tracker.sources import anchors, close_reading, copies, dedupe, minhash
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

ORIGINAL = """BOSTON (Harbor Wire) - Quillon Robotics told a Massachusetts court on Thursday that Marrowby Labs \
copied 12 thousand lines of its Tern controller and shipped them in the Heron arm, as a trial over the code \
opened before Judge Oriel Vance.

"Twelve thousand lines, and every comment still spelled our way," Quillon's lawyer, Dana Kirsch, told Judge \
Vance in her opening statement at the Suffolk Superior Court.

Kirsch said Marrowby kept its Tern licence for 30 months after its engineers had moved the code into a folder \
they called "the Tern drawer," and sold 8,000 Heron arms with it.

Marrowby's lawyer, Felix Arden, said the controller was written from scratch. "Heron owes Tern nothing but a \
rivalry," Arden said. He said Marrowby would call 14 engineers who wrote it.

Quillon seeks $95 million in damages and an order stopping Heron sales. The trial is expected to run two \
weeks, and Quillon's founder, Ines Barrow, is expected to testify on Monday."""

TRANSLATED = """BOSTON - The lawyer of the company Quillon Robotics has declared before a court of \
Massachusetts on Thursday that the company Marrowby Labs has copied 12 thousand lines of the controller Tern \
of Quillon and has delivered them in the arm Heron, at the opening of a trial about the code before the \
Judge Oriel Vance.

"Twelve thousands of lines, and each commentary still written in our manner," has said the lawyer of \
Quillon, Dana Kirsch, to the Judge Vance in her declaration of opening at the Suffolk Superior Court.

According to Kirsch, Marrowby has conserved its licence of Tern during 30 months after its engineers had \
displaced the code in a folder which they named "the drawer Tern", and has sold 8,000 arms Heron with it.

The lawyer of Marrowby, Felix Arden, has affirmed that the controller was written from zero. "Heron owes \
nothing to Tern except a rivalry," has said Arden. He has said that Marrowby will call 14 engineers who \
wrote it.

Quillon demands 95 millions of dollars of damages and an order which stops the sales of Heron. The trial \
should last two weeks, and the founder of Quillon, Ines Barrow, should testify on Monday."""

# Two distinct reports of the same case: the same cast and figures, other days, other words.
DISTINCT = [
    """BOSTON - Quillon Robotics founder Ines Barrow told Judge Oriel Vance on Monday that she first saw \
the Tern code inside a Heron arm at a trade show in Hanover, two years after Marrowby Labs had licensed it.

"I knew our comments the moment I read them," Barrow said under questioning by Dana Kirsch. On \
cross-examination, Felix Arden asked why Quillon waited 30 months to sue, and Barrow said the company had \
hoped to settle.

Marrowby says its 14 engineers wrote the Heron controller. Quillon seeks $95 million.""",
    """BOSTON - Judge Oriel Vance ruled on Friday that Marrowby Labs must pay Quillon Robotics $41 million, \
finding that the Heron arm's controller was copied from Quillon's Tern code but declining to stop Heron \
sales.

In a 60-page decision from the Suffolk Superior Court, Vance wrote that the folder Marrowby engineers \
called "the Tern drawer" showed the code had moved. She found the testimony of Ines Barrow credible and \
gave little weight to Marrowby's 14 engineers.

Felix Arden said Marrowby would appeal. Dana Kirsch said Quillon was pleased.""",
]


def test_a_translated_copy_is_linked_to_its_original_and_reports_of_the_same_cast_are_not():
    words = minhash.similarity(minhash.minhash(ORIGINAL), minhash.minhash(TRANSLATED))
    assert words < anchors.NEAR_COPY_FLOOR  # no word rule can see it
    first = stored(0, "distinct", DISTINCT[0])
    original = stored(1, "wire", ORIGINAL)
    second = stored(2, "distinct", DISTINCT[1])
    translated = stored(3, "translated", TRANSLATED)
    assert translated.copy_of_id == original.pk and translated.copy_kind == Article.CopyKind.NEAR
    assert [a.copy_of_id for a in (first, original, second)] == [None, None, None]


def test_possessives_turned_round_and_moved_phrases_keep_a_sentences_anchors():
    assert anchors.anchor_sequence("He met Quillon's lawyer, Dana Kirsch, on Monday. Then Vance spoke.") == [
        "dana",
        "kirsch",
        "monday",
        "quillon",
        "vance",
    ]
    assert anchors.anchor_sequence(
        "On Monday he met the lawyer of Quillon, Dana Kirsch. Then Vance spoke."
    ) == [
        "dana",
        "kirsch",
        "monday",
        "quillon",
        "vance",
    ]


def test_an_excerpt_is_close_and_a_report_naming_the_same_cast_is_not():
    def words(text: str) -> list[str]:
        return dedupe.normalised_words(text)

    excerpt = "\n\n".join(ORIGINAL.split("\n\n")[:2])
    assert close_reading.closeness(excerpt, words(excerpt), ORIGINAL, words(ORIGINAL)) > 1
    assert close_reading.closeness(TRANSLATED, words(TRANSLATED), ORIGINAL, words(ORIGINAL)) > 0
    for text in DISTINCT:
        assert close_reading.closeness(text, words(text), ORIGINAL, words(ORIGINAL)) == 0
        assert close_reading.closeness(text, words(text), TRANSLATED, words(TRANSLATED)) == 0


SPANISH = """BOSTON - Quillon Robotics dijo el jueves ante un tribunal de Massachusetts que Marrowby Labs copió \
12 mil líneas de su controlador Tern y las instaló en el brazo Heron, al abrirse un juicio sobre el código \
ante la jueza Oriel Vance.

"Doce mil líneas, y cada comentario todavía escrito a nuestra manera", dijo la abogada de Quillon, Dana \
Kirsch, a la jueza Vance en su alegato inicial ante el Suffolk Superior Court.

Según Kirsch, Marrowby mantuvo su licencia de Tern durante 30 meses después de que sus ingenieros movieran el \
código a una carpeta que llamaban "el cajón Tern", y vendió 8,000 brazos Heron con él.

El abogado de Marrowby, Felix Arden, afirmó que el controlador fue escrito desde cero. "Heron no le debe nada \
a Tern salvo una rivalidad", dijo Arden. Dijo que Marrowby llamará a 14 ingenieros que lo escribieron.

Quillon pide 95 millones de dólares en daños y una orden que detenga las ventas de Heron. Se espera que el \
juicio dure dos semanas, y la fundadora de Quillon, Ines Barrow, declarará el lunes."""


def test_a_copy_translated_into_another_language_is_linked_by_its_names_and_figures():
    """No vocabulary is shared across languages (gates.language_of tells English from the rest), so
    the sentence-ordered names and figures alone decide; the distinct English reports stay apart."""
    stored(0, "distinct", DISTINCT[0])
    original = stored(1, "wire", ORIGINAL)
    spanish = stored(2, "spanish", SPANISH)
    assert spanish.copy_of_id == original.pk


def test_signatures_stored_under_older_rules_are_refreshed_by_the_command():
    """An original stored before the signatures' rules changed (its bytes and bands are another text's
    here) hides from its translated copy until `manage.py refresh_signatures` stores them anew."""
    from io import StringIO

    from django.core.management import call_command

    from tracker.sources.models import ArticleSignature, SignatureBand

    original = stored(1, "wire", ORIGINAL)
    stale = anchors.to_bytes(minhash.signature_of(dedupe.normalised_words(DISTINCT[1])), None)
    ArticleSignature.objects.filter(article=original).update(minhash=stale)
    SignatureBand.objects.filter(article=original).delete()
    out = StringIO()
    call_command("refresh_signatures", stdout=out)
    assert out.getvalue().startswith("1 of 1 ")
    assert bytes(ArticleSignature.objects.get(article=original).minhash) != stale
    assert stored(2, "translated", TRANSLATED).copy_of_id == original.pk


def test_the_articles_anchors_are_read_once_whatever_the_number_of_candidates(monkeypatch):
    """The close reading computes the article's sentence-ordered anchors once, not once per candidate:
    here three candidates, none of which it is an excerpt of, so each needs the anchors."""
    original = stored(1, "wire", ORIGINAL)
    candidates = [original, stored(0, "distinct", DISTINCT[0]), stored(2, "distinct", DISTINCT[1])]
    close = {candidate.pk: (candidate, 0.1) for candidate in candidates}
    read, sequence = [], anchors.anchor_sequence
    monkeypatch.setattr(anchors, "anchor_sequence", lambda text: read.append(text) or sequence(text))
    close_reading.forget_readings()  # those an earlier test kept
    article = Article(text=TRANSLATED)
    assert copies._read_closely(article, dedupe.normalised_words(TRANSLATED), close) == (original, 0.1)
    assert read.count(TRANSLATED) == 1 and len(read) == 4  # the article's once, each candidate's once


def test_a_candidate_read_for_one_article_is_not_read_again_for_the_next(monkeypatch):
    """The readings are kept from article to article: the next article that finds the same candidates
    computes only its own anchors, so the close reading does not grow with the stored articles that
    keep coming back as candidates; and it decides as a fresh reading does."""
    original = stored(1, "wire", ORIGINAL)
    candidates = [original, stored(0, "distinct", DISTINCT[0]), stored(2, "distinct", DISTINCT[1])]
    close = {candidate.pk: (candidate, 0.1) for candidate in candidates}
    close_reading.forget_readings()
    assert copies._read_closely(Article(text=TRANSLATED), dedupe.normalised_words(TRANSLATED), close)
    read, sequence = [], anchors.anchor_sequence
    monkeypatch.setattr(anchors, "anchor_sequence", lambda text: read.append(text) or sequence(text))
    assert copies._read_closely(Article(text=SPANISH), dedupe.normalised_words(SPANISH), close) == (
        original,
        0.1,
    )
    assert read == [SPANISH]


def test_the_readings_kept_are_bounded_by_their_words(monkeypatch):
    """Past WORDS_KEPT words the least recently read go first, and a text longer than that alone is
    read but not kept (nor pushes the others out): a poll of huge pages must not hold their readings."""
    words = len(dedupe.normalised_words(ORIGINAL)) + len(dedupe.normalised_words(TRANSLATED))
    monkeypatch.setattr(close_reading, "WORDS_KEPT", words)  # room for those two
    close_reading.forget_readings()
    first, second = close_reading.reading_of(ORIGINAL), close_reading.reading_of(TRANSLATED)
    assert close_reading.reading_of(ORIGINAL) is first  # kept, and now the most recently read
    close_reading.reading_of(DISTINCT[0])
    assert close_reading.reading_of(ORIGINAL) is first
    assert close_reading.reading_of(TRANSLATED) is not second  # the least recently read went
    huge = " ".join([ORIGINAL] * 3)
    assert close_reading.reading_of(huge) is not close_reading.reading_of(huge)
    assert close_reading.reading_of(ORIGINAL) is first  # and it pushed out none of those kept


def test_a_copy_search_reads_the_articles_anchors_once_for_its_signature_and_its_close_reading(monkeypatch):
    """The anchor signature and the close reading read the same sentence-ordered anchors of the article:
    `mark_copy` computes them once (they were computed again for every article read closely, more of
    them the more articles are stored: session 29)."""
    stored(0, "distinct", DISTINCT[0])
    original = stored(1, "wire", ORIGINAL)
    close_reading.forget_readings()
    read, sequence = [], anchors.anchor_sequence
    monkeypatch.setattr(anchors, "anchor_sequence", lambda text: read.append(text) or sequence(text))
    assert stored(2, "translated", TRANSLATED).copy_of_id == original.pk  # found by the close reading
    assert read.count(TRANSLATED) == 1


def test_the_candidates_texts_come_in_the_order_the_queryset_gave_them():
    """`copies._texts` reads the close candidates' texts by a cursor, in the order the queryset it
    replaced gave (the model's: latest first sighting first), which decides between equally close
    candidates: here neither the ids' order nor its reverse."""
    made = [stored(n, f"site{n}", text) for n, text in [(1, ORIGINAL), (3, DISTINCT[0]), (2, DISTINCT[1])]]
    ids = [made[2].pk, made[0].pk, made[1].pk]
    expected = list(Article.objects.filter(pk__in=ids).values_list("pk", "text"))
    assert copies._texts(ids) == expected
    assert [pk for pk, _ in expected] == [made[1].pk, made[2].pk, made[0].pk]
