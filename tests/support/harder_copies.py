"""Harder copies of real articles than tests/support/copies.py makes: what content farms, scrapers and
machine translation do to a text, made at test time (nothing generated is committed).

The four kinds of copies.py are all linked; real coverage holds copies further from their original:

- `heavy_spin`: a spinner with a large general-English table (verbs, adjectives, nouns, connectives) that
  swaps about a third of the content words, and varies "said" at every occurrence;
- `reordered`: sentences of a paragraph shuffled, and neighbouring ones merged ("A. B." -> "A, and b.")
  or split at a semicolon, as a rewriter does to beat duplicate checks;
- `lede_rewritten`: the lede's clauses moved ("X said Y on Tuesday." -> "On Tuesday, Y, X said."),
  a new headline, the last paragraphs dropped, the rest lightly spun;
- `boilerplate`: a scraped copy with "Related:" lines, newsletter and share prompts, "Advertisement",
  and leftover entities and markup (&#8220; &amp; <strong>) through the text;
- `machine_translated`: a copy through a translator and back: contractions expanded, function words
  changed, possessives turned round ("the party's nominee" -> "the nominee of the party"), time
  phrases moved to the front, other quotation marks, some words swapped.

Everything is a pure function of the text and a seed; every table is general English, nothing in it is
taken from or aimed at any article of the corpus.
"""

from __future__ import annotations

import random
import re

from tests.support.copies import Copy, body_of, retitle
from tests.support.feeds import WORDS

HARDER_KINDS = ("heavy_spin", "reordered", "lede_rewritten", "boilerplate", "machine_translated")

# A spinner's thesaurus: one general-English replacement per word (the inflected forms a news text uses).
THESAURUS = dict(
    pair.split(":")
    for pair in """
about:concerning accept:take accepted:took according:as_per accuse:charge accused:charged act:deed
add:include added:included admit:concede admitted:conceded advance:progress agree:concur agreed:concurred
aim:goal allow:permit allowed:permitted announce:declare announced:declared answer:reply appear:seem
appeared:seemed area:region argue:contend argued:contended attack:assault attacks:assaults attempt:try
avoid:evade bad:poor begin:start began:started believe:think believed:thought best:finest better:superior
big:large bill:measure block:obstruct blocked:obstructed brief:short bring:carry build:construct
built:constructed buy:purchase call:label called:labeled calls:labels change:alteration changes:alterations
chance:opportunity charge:accusation charges:accusations choose:select chose:selected claim:assertion
claims:assertions clear:evident close:near common:ordinary concern:worry concerns:worries consider:weigh
considered:weighed continue:carry_on continued:carried_on country:nation crowd:audience current:present
decide:determine decided:determined decision:ruling defend:protect defended:protected deny:reject
denied:rejected describe:depict described:depicted despite:in_spite_of difficult:hard discuss:talk_over
early:initial effort:attempt efforts:attempts election:vote end:finish ended:finished enough:sufficient
entire:whole especially:particularly event:occasion events:occasions evidence:proof expect:anticipate
expected:anticipated explain:clarify explained:clarified face:confront faced:confronted fact:reality
fail:neglect failed:neglected fear:dread fears:dreads fight:battle final:last find:discover
found:discovered focus:concentrate former:previous friend:ally friends:allies gain:earn gained:earned
get:obtain give:provide gave:provided goal:aim great:tremendous group:organization groups:organizations
grow:expand growing:expanding help:assist helped:assisted high:elevated hold:keep huge:enormous idea:notion
ideas:notions important:significant include:comprise including:comprising increase:rise issue:matter
issues:matters job:post jobs:posts keep:retain kept:retained key:crucial kind:sort know:realize
large:big last:previous late:belated later:afterward lead:head leader:chief leaders:chiefs least:minimum
leave:depart left:departed let:allow level:degree likely:probable little:small long:lengthy lose:forfeit
lost:forfeited low:reduced main:principal major:key make:create made:created many:numerous meet:encounter
meeting:gathering member:participant members:participants mention:cite mentioned:cited message:statement
move:step nearly:almost need:require needs:requires new:fresh news:reports note:remark noted:remarked
offer:propose offered:proposed office:post often:frequently open:receptive order:command part:portion
party:faction past:earlier people:individuals plan:scheme plans:schemes point:argument points:arguments
policy:strategy policies:strategies position:stance possible:feasible power:authority press:push
pressure:strain problem:issue problems:difficulties promise:pledge promised:pledged protect:safeguard
prove:demonstrate public:general push:press put:placed question:query questions:queries quickly:rapidly
raise:elevate raised:elevated rather:instead reach:attain reached:attained real:genuine reason:cause
recent:latest recently:lately refuse:decline refused:declined release:publish released:published
remain:stay remained:stayed remarks:comments report:account reported:stated require:need result:outcome
results:outcomes return:come_back reveal:disclose revealed:disclosed run:operate running:operating
seek:pursue seem:appear seemed:appeared serious:grave several:various share:portion show:demonstrate
showed:demonstrated shows:demonstrates sign:indication significant:considerable similar:comparable
since:because small:little speak:talk speech:address spoke:talked start:begin started:began state:condition
statement:announcement stop:halt stopped:halted strong:powerful suggest:propose suggested:proposed
support:backing supporters:backers sure:certain talk:discuss talks:discussions tell:inform think:believe
threat:danger threats:dangers top:leading tough:difficult try:attempt tried:attempted trying:attempting
turn:switch understand:grasp use:utilize used:utilized view:opinion views:opinions vote:ballot
voters:electors want:wish wanted:wished wants:wishes warn:caution warned:cautioned way:manner week:seven_days
whole:entire win:triumph won:triumphed work:labor worked:labored world:globe worry:concern
worried:concerned write:pen wrote:penned wrong:incorrect year:twelvemonth years:twelvemonths
time:moment times:moments day:date government:administration nation:country public:people president:leader political:partisan campaign:bid candidate:contender candidates:contenders official:functionary officials:authorities state:province states:provinces city:town home:residence money:funds law:statute laws:statutes case:matter cases:matters number:figure numbers:figures percent:per_cent money:cash million:mn billion:bn people's:public's month:period months:periods family:household families:households company:firm companies:firms business:enterprise student:pupil students:pupils school:academy house:residence child:kid children:kids man:male men:males woman:lady women:ladies story:account life:existence night:evening morning:forenoon place:location areas:regions system:framework program:programme programs:programmes service:provision services:provisions ago:previously even:still just:simply only:merely really:truly still:yet already:previously however:nonetheless though:although around:roughly almost:nearly instead:alternatively go:proceed going:heading went:proceeded come:arrive came:arrived comes:arrives take:seize took:seized taken:seized see:observe saw:observed seen:observed look:appear looking:seeking looked:appeared ask:inquire asked:inquired asking:inquiring feel:sense felt:sensed become:grow became:grew believe:suppose believes:supposes thought:believed means:implies mean:imply meant:implied set:established called:termed known:recognized told:informed tells:informs tell:inform hard:tough big:huge important:crucial different:distinct political:governmental national:federal american:US federal:national economic:financial military:armed foreign:overseas local:regional social:societal free:unrestricted full:complete certain:particular clear:plain
""".split()
)
THESAURUS = {k.replace("_", " "): v.replace("_", " ") for k, v in THESAURUS.items()}
SAID = ("stated", "noted", "remarked", "asserted", "explained", "commented", "declared", "observed")
SAYS = ("states", "notes", "remarks", "asserts", "explains", "comments", "declares", "observes")

CONTRACTIONS = {
    "n't": " not",
    "can't": "cannot",
    "won't": "will not",
    "it's": "it is",
    "that's": "that is",
    "there's": "there is",
    "he's": "he is",
    "she's": "she is",
    "we're": "we are",
    "they're": "they are",
    "you're": "you are",
    "i'm": "I am",
    "i've": "I have",
    "we've": "we have",
    "they've": "they have",
    "i'll": "I will",
    "we'll": "we will",
    "let's": "let us",
}
# A translator's round trip through another language: function words and common words come_back as
# their nearest neighbour.
TRANSLATED = {
    "which": "that",
    "that": "which",
    "about": "on",
    "because": "since",
    "although": "though",
    "while": "whereas",
    "but": "however",
    "also": "likewise",
    "said": "declared",
    "says": "declares",
    "told": "said to",
    "people": "persons",
    "among": "between",
    "until": "till",
    "around": "approximately",
    "during": "in the course of",
    "against": "contrary to",
    "before": "earlier than",
    "after": "subsequent to",
    "would": "should",
    "could": "might",
    "will": "shall",
    "percent": "per cent",
}
TIME = r"(?:on|last|this|next) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)|yesterday|today|on [A-Z][a-z]+ \d{1,2}"
PREPOSITIONS = {
    "in",
    "on",
    "at",
    "after",
    "before",
    "during",
    "according",
    "with",
    "as",
    "despite",
    "amid",
    "for",
    "while",
}
RELATED = (
    "Related: Five things to watch this week",
    "RELATED: What we know so far",
    "Read more: The latest on this story",
    "Related coverage: Live updates",
    "ALSO READ: Analysis and opinion",
)
PROMPTS = (
    "Sign up for our daily newsletter to get the top stories in your inbox.",
    "Advertisement",
    "Share this: Facebook Twitter Email",
    "Click here to subscribe and never miss a story.",
    "Story continues below advertisement",
    "Follow us on social media for breaking news.",
)
ENTITIES = (
    ("&", "&amp;"),
    ("''", "&quot;"),
    ("'", "&#39;"),
    ("\u201c", "&#8220;"),
    ("\u201d", "&#8221;"),
    ("\u2019", "&#8217;"),
    ('"', "&quot;"),
)

WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def _cased(original: str, swapped: str) -> str:
    if original.isupper() and len(original) > 1:
        return swapped.upper()
    return swapped[0].upper() + swapped[1:] if original[0].isupper() else swapped


def heavy_spin(text: str, rng: random.Random, share: float = 0.9) -> str:
    """Swap most of the thesaurus's words and vary every "said" (the seed picks which and how)."""

    def swap(match: re.Match) -> str:
        word = match.group(0)
        low = word.lower()
        if low in ("said", "says"):
            return _cased(word, rng.choice(SAID if low == "said" else SAYS))
        swapped = THESAURUS.get(low)
        if swapped is None or rng.random() >= share:
            return word
        return _cased(word, swapped)

    return WORD.sub(swap, text)


def sentences(paragraph: str) -> list[str]:
    return [
        s
        for s in re.split(
            r"(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!Mrs\.)(?<!\b[A-Z]\.)(?<=[.!?])\s+(?=[A-Z\"“])",
            paragraph,
        )
        if s
    ]


def reorder(paragraph: str, rng: random.Random) -> str:
    """Shuffle a paragraph's sentences, then merge some neighbours and split some at a semicolon."""
    found = sentences(paragraph)
    rng.shuffle(found)
    out: list[str] = []
    for sentence in found:
        if out and out[-1].endswith(".") and sentence[:1].isupper() and rng.random() < 0.35:
            first = sentence.split(" ", 1)[0]
            keep = first if first.isupper() or first in ("I",) or rng.random() < 0.5 else first.lower()
            out[-1] = out[-1][:-1] + ", and " + keep + sentence[len(first) :]
        else:
            out.append(sentence)
    text = " ".join(out)
    return re.sub(r"; ([a-z])", lambda m: ". " + m.group(1).upper(), text) if rng.random() < 0.5 else text


def move_clauses(sentence: str) -> str:
    """A lede told another way: a time phrase moved to the front, "X said Y" turned to "Y, X said"."""
    sentence = sentence.strip()
    end = sentence[-1] if sentence[-1:] in ".!?" else ""
    body = sentence[: -1 if end else None].rstrip()
    time = re.search(rf",? ({TIME})$", body)
    front = ""
    if time:
        front, body = time.group(1), body[: time.start()]
    said = re.match(r"^(.{3,80}?) (said|says|told \w+|announced|argued|claimed) (?:that )?(.+)$", body)
    if said and not re.search(r"[\"“”]", said.group(1)):
        speaker, verb, content = said.groups()
        body = f"{content}, {speaker[0].lower() + speaker[1:] if not speaker.split()[0].istitle() else speaker} {verb}"
    elif "," in body and not front:
        head, tail = body.rsplit(",", 1)
        if 2 <= len(tail.split()) <= 10 and tail.split()[0].lower() in PREPOSITIONS:
            body = f"{tail.strip()[0].upper()}{tail.strip()[1:]}, {head[0].lower() + head[1:] if head.split()[0].lower() in ('the', 'a', 'an') else head}"
    if front:
        body = f"{front[0].upper()}{front[1:]}, {body[0].lower() + body[1:] if body.split()[0].lower() in ('the', 'a', 'an') else body}"
    return body[0].upper() + body[1:] + (end or ".")


def translate(text: str, rng: random.Random) -> str:
    """A round trip through machine translation (see the module's docstring)."""

    def expand(match: re.Match) -> str:
        word = match.group(0)
        low = word.lower().replace("\u2019", "'")
        full = CONTRACTIONS.get(low)
        if full is None and low.endswith("n't"):
            stem = low[:-3]
            full = {"ca": "can", "wo": "will", "sha": "shall"}.get(stem, stem) + " not"
        return _cased(word, full) if full else word

    text = re.sub(r"\b[A-Za-z]+['\u2019](?:t|s|re|m|ve|ll)\b", expand, text)
    # the party's nominee -> the nominee of the party (lower-case possessors only: names keep theirs)
    text = re.sub(
        r"\b(the|a|his|her|their|its) ([a-z]+)['\u2019]s ([a-z]+)\b",
        lambda m: f"the {m.group(3)} of {m.group(1)} {m.group(2)}",
        text,
    )

    def swap(match: re.Match) -> str:
        word = match.group(0)
        new = TRANSLATED.get(word.lower())
        return _cased(word, new) if new and rng.random() < 0.7 else word

    text = WORD.sub(swap, text)
    out = []
    for sentence in sentences(text):
        time = re.search(rf" ({TIME})([.!?])$", sentence)
        if time and rng.random() < 0.6:
            rest = sentence[: time.start()]
            sentence = f"{time.group(1)[0].upper()}{time.group(1)[1:]} {rest[0].lower() + rest[1:] if rest.split()[0] in ('The', 'A', 'An') else rest}{time.group(2)}"
        out.append(sentence)
    text = " ".join(out)
    return text.replace("\u201c", "\u00ab").replace("\u201d", "\u00bb").replace('"', "\u00ab", 1)


def entities(paragraph: str, rng: random.Random) -> str:
    """Quotation marks and ampersands left as entities, as a scraper that unescapes once leaves them."""
    for char, entity in ENTITIES:
        if char in paragraph and rng.random() < 0.7:
            paragraph = paragraph.replace(char, entity)
    if rng.random() < 0.15:
        words = paragraph.split(" ")
        at = rng.randrange(len(words))
        words[at] = f"<strong>{words[at]}</strong>"
        paragraph = " ".join(words)
    return paragraph


def make_harder_copy(kind: str, title: str, text: str, *, seed: int) -> Copy:
    rng = random.Random(f"{seed}:{kind}:{title}")
    body = body_of(title, text)
    if kind == "heavy_spin":
        headline = heavy_spin(title.rstrip("."), rng)
        return Copy(kind, headline, "\n\n".join([headline + ".", *(heavy_spin(p, rng) for p in body)]))
    if kind == "reordered":
        return Copy(kind, title, "\n\n".join([title.rstrip(".") + ".", *(reorder(p, rng) for p in body)]))
    if kind == "lede_rewritten":
        headline = retitle(body, rng)
        lede = sentences(body[0]) if body else []
        first = " ".join([move_clauses(lede[0]), *lede[1:]]) if lede else ""
        kept = [heavy_spin(p, rng, share=0.3) for p in body[1 : max(4, int(len(body) * 0.8))]]
        return Copy(kind, headline, "\n\n".join([headline + ".", first, *kept]))
    if kind == "boilerplate":
        out = [title.rstrip(".") + "."]
        for n, paragraph in enumerate(body):
            out.append(entities(paragraph, rng))
            if n and rng.random() < 0.25:
                out.append(rng.choice(RELATED if rng.random() < 0.5 else PROMPTS))
        out.append(rng.choice(PROMPTS))
        return Copy(kind, title, "\n\n".join(out))
    if kind == "machine_translated":
        headline = translate(title.rstrip("."), rng)
        return Copy(kind, headline, "\n\n".join([headline + ".", *(translate(p, rng) for p in body)]))
    raise ValueError(f"unknown kind of copy: {kind!r}")


def make_harder_copies(title: str, text: str, *, seed: int = 0, kinds=HARDER_KINDS) -> list[Copy]:
    return [make_harder_copy(kind, title, text, seed=seed) for kind in kinds]


# One case's coverage, where every article names the same few people, places and figures: distinct
# articles whose names and figures in order (`tracker.sources.anchors`) are alike, so each shares
# anchor bands with most of the others, while their words are not alike at all. Invented names.
CAST = ("Ada Quill", "Corvid Systems", "Judge Mara Venn", "Tobin Reyes", "Halden")
FIGURES = ("2019", "12", "40", "$3 million", "18 percent", "2021")
FUNCTION_WORDS = "the of and to in that a for on with as by was it at from this".split()
SPUN_WORDS = sorted(w for w in THESAURUS if w.isalpha())  # words a spinner swaps
KEPT_WORDS = sorted({w for w in WORDS if w not in THESAURUS})  # words it leaves alone


def one_cast_article(seed: int, *, paragraphs: int = 6) -> tuple[str, str]:
    """(title, text) of an article of invented words about the one cast: three sentences a paragraph,
    each naming two of the cast (a figure now and then) between function and content words."""
    rng = random.Random(f"one-cast:{seed}")

    def sentence() -> str:
        words = []
        for n in range(rng.randint(14, 20)):
            content = SPUN_WORDS if rng.random() < 0.6 else KEPT_WORDS
            words.append(rng.choice(content if n % 3 == 0 else FUNCTION_WORDS))
        for _ in range(2):
            words.insert(rng.randint(1, len(words)), rng.choice(CAST))
        if rng.random() < 0.3:
            words.insert(rng.randint(1, len(words)), rng.choice(FIGURES))
        return " ".join([words[0].capitalize(), *words[1:]]) + "."

    title = f"Report {seed} on the Corvid case"
    body = [" ".join(sentence() for _ in range(3)) for _ in range(paragraphs)]
    return title, "\n\n".join([title + ".", *body])
