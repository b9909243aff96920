"""The words of the vacancy search: how a text becomes index terms, and how a query word becomes the terms it finds.

Pure Python, no database: PostgreSQL and SQLite index and query exactly the same terms, so the two engines
differ only in how fast they find them (``search.py``).

- **Terms** are words folded to lower case without accents (``Café`` → ``cafe``), split on everything that is
  not a letter or digit; a hyphenated word also yields its parts joined (``EHBO-post`` → ``ehbo``, ``post``,
  ``ehbopost``). Stop words are left out.
- **Stems** come from the classic Dutch Snowball stemmer (``dutch_porter``: the newer ``dutch`` strips
  ``ge-``, so that ``gezondheid`` became ``zon`` and ``begeleiding`` ``beleid``), evened out so that singular
  and plural meet (``fiets``/``fietsen``, ``les``/``lessen``, ``huis``/``huizen``, ``maatje``/``maatjes``),
  except for the words in ``search_words.yaml``'s ``own_stem``: the stemmer merges ``ouderen`` (elderly)
  with ``ouders`` (parents).
- **The words people mean** (synonyms, narrower words, English, words that must stay apart) are data, in
  ``search_words.yaml``, loaded once.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import snowballstemmer
import yaml

MAX_TERM_LENGTH = 40  # longer "words" are noise (URLs, strings of letters); they are not indexed
MIN_TERM_LENGTH = 2
# A word finds the compounds that begin or end with it (Dutch writes compounds as one word) when it has at
# least this many letters and the rest of the compound has at least MIN_REMAINDER.
MIN_COMPOUND_BASE = 4
MIN_REMAINDER = 3
# What is left before a word in a "compound" that is really a prefixed word: verband is not a kind of band.
NOT_A_COMPOUND_HEAD = frozenset("be ge ver ont her mis er aan op af uit in mee".split())

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")

STOP_WORDS = frozenset(
    """aan al alles als bij dan dat de der des die dit door een en er had heb hebben het hij hoe iets ik in is
    je jij kan me met mij na naar niet nog of om ook op over te tot u uit van veel voor was wat we wel wie wij
    zal ze zich zij zijn zo zonder graag wil wilt willen zoek zoekt zoeken iemand leuk mee mijn jouw onze ons
    a an and the of for with to in on at or i my want looking""".split()
)

_stemmer = snowballstemmer.stemmer("dutch_porter")
_VOWELS = frozenset("aeiouy")


def _snowball(word: str) -> str:
    """dutch_porter, evened out where it leaves singular and plural apart."""
    if word.endswith("jes") and len(word) > 5:
        word = word[:-1]  # maatjes → maatje
    result = _stemmer.stemWord(word)
    if result.endswith("dt"):
        result = result[:-1]  # rijdt → rijd
    if len(result) >= 3 and result[-1] == result[-2] and result[-1] not in _VOWELS:
        result = result[:-1]  # lessen → less → les
    if result.endswith("z"):
        result = result[:-1] + "s"  # huizen → huiz → huis
    if result.endswith("s") and len(result) >= 4:
        result = result[:-1]  # fiets → fiet, as fietsen → fiets → fiet
    return result


def fold(text: str) -> str:
    """Lower case, accents off, control characters out."""
    decomposed = unicodedata.normalize("NFKD", _CONTROL.sub(" ", text).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text) -> list[str]:
    """The folded words of a text, in order, hyphenated words joined; stop words and noise left out."""
    if not isinstance(text, str):
        return []
    result = []
    for match in _WORD.finditer(fold(text)):
        parts = match.group().split("-")
        candidates = parts + (["".join(parts)] if len(parts) > 1 else [])
        for word in candidates:
            if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and word not in STOP_WORDS:
                result.append(word)
    return result


def query_words(text) -> list[str]:
    """The words of a query: like ``words`` but a hyphenated word stays one word (``taal-maatje`` →
    ``taalmaatje``), since a searcher who types it means the compound."""
    if not isinstance(text, str):
        return []
    result = []
    for match in _WORD.finditer(fold(text)):
        word = match.group().replace("-", "")
        if MIN_TERM_LENGTH <= len(word) <= MAX_TERM_LENGTH and word not in STOP_WORDS:
            result.append(word)
    return result


@functools.lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    """The Dutch stem of a folded word (``search_words.yaml``'s own_stem first)."""
    own = vocabulary_data().own_stem.get(word)
    return own if own is not None else _snowball(word)


def unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def document(*, title: str, labels: list[str], tasks: str, description: str, names: list[str]) -> str:
    """The index document of a vacancy: three lines of unique terms, by weight.

    Line 1 (weight A): the title and the labels (sector, kinds of work, in Dutch and English).
    Line 2 (weight B): what you will do and the description.
    Line 3 (weight C): the names of the organisation, the place and the municipality.
    """
    line_a = unique(words(title) + [word for label in labels for word in words(label)])
    line_b = [word for word in unique(words(tasks) + words(description)) if word not in set(line_a)]
    line_c = unique(word for name in names for word in words(name))
    return "\n".join(" ".join(line) for line in (line_a, line_b, line_c))


def document_terms(text: str) -> set[str]:
    return set(text.split())


# --- what people mean: search_words.yaml ---------------------------------------------------------------------


@dataclass(frozen=True)
class VocabularyData:
    related: dict[
        str, tuple[str, ...]
    ]  # stem of a word → words it also finds (equivalents, narrower, English)
    phrases: dict[tuple[str, ...], tuple[str, ...]]  # a multi-word phrase → the words it finds
    distinct: dict[str, tuple[str, ...]]  # stem of a word → beginnings of terms it must not find
    own_stem: dict[str, str]


SEARCH_WORDS = Path(__file__).with_name("search_words.yaml")


@functools.cache
def vocabulary_data() -> VocabularyData:
    data = yaml.safe_load(SEARCH_WORDS.read_text(encoding="utf-8"))
    own_stem = {fold(word): fold(value) for word, value in (data.get("own_stem") or {}).items()}
    plain_stem = lambda word: own_stem.get(word) or _stemmer.stemWord(word)  # noqa: E731 (stem() needs us)

    related: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], list[str]] = {}

    def add(source: str, targets: list[str]) -> None:
        folded = fold(source).split()
        targets = [fold(target).replace("-", "") for target in targets]
        if len(folded) > 1:
            phrases.setdefault(tuple(folded), []).extend(targets)
        else:
            related.setdefault(plain_stem(folded[0]), []).extend(targets)

    for group in data.get("equivalent") or []:
        for word in group:
            add(word, [other for other in group if other != word])
    for section in ("narrower", "english"):
        for word, targets in (data.get(section) or {}).items():
            add(word, targets)
    distinct = {
        plain_stem(fold(word)): tuple(fold(beginning) for beginning in beginnings)
        for word, beginnings in (data.get("distinct") or {}).items()
    }
    return VocabularyData(
        related={key: tuple(unique(value)) for key, value in related.items()},
        phrases={key: tuple(unique(value)) for key, value in phrases.items()},
        distinct=distinct,
        own_stem=own_stem,
    )


def related_words(word: str) -> tuple[str, ...]:
    """The words a query word also finds (equivalents, narrower words, the Dutch of an English word)."""
    return vocabulary_data().related.get(stem(word), ())


def distinct_beginnings(word: str) -> tuple[str, ...]:
    return vocabulary_data().distinct.get(stem(word), ())


def phrase_groups(query: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The query as (word, extra words it finds), a known phrase (``language buddy``) as one entry."""
    phrases = vocabulary_data().phrases
    longest = max((len(key) for key in phrases), default=1)
    result, position = [], 0
    while position < len(query):
        for size in range(min(longest, len(query) - position), 1, -1):
            key = tuple(query[position : position + size])
            if key in phrases:
                result.append((" ".join(key), phrases[key]))
                position += size
                break
        else:
            word = query[position]
            result.append((word, related_words(word)))
            position += 1
    return result


# --- compounds and typos -------------------------------------------------------------------------------------


def is_compound_of(term: str, base: str, *, excluded: tuple[str, ...] = ()) -> bool:
    """Whether term is a compound that begins or ends with base (voetbal → voetbaltrainer, trainer →
    jeugdtrainer), and not one of the words base must stay apart from (ouder ↛ ouderen)."""
    if len(base) < MIN_COMPOUND_BASE or len(term) < len(base) + MIN_REMAINDER or term == base:
        return False
    if any(term.startswith(beginning) for beginning in excluded):
        return False
    if term.startswith(base):
        return True
    return term.endswith(base) and term[: -len(base)] not in NOT_A_COMPOUND_HEAD


def max_typos(word: str) -> int:
    """How many edits a correction may be away: none for short words, one up to six letters, then two."""
    if len(word) < 4:
        return 0
    return 1 if len(word) <= 6 else 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (insert, delete, substitute, swap two neighbours), or limit + 1
    as soon as it is certain to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[len(b)]
