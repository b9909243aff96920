"""The text part of the vacancy search: the index, its vocabulary, and a query's words turned into SQL.

One analysis for both databases (``analysis.py``): every vacancy has a ``search_document`` of folded terms in
three lines by weight (A: title and labels, B: tasks and description, C: organisation, place and municipality).
PostgreSQL also keeps it as a weighted ``tsvector`` (configuration ``simple``: the terms are already analysed)
with a GIN index; SQLite matches the same terms with a regular expression on the document.

A query is planned **per word**, against the vocabulary (``SearchTerm``, the distinct terms of the index):

1. the word finds the terms equal to it or with the same stem (``fietsen`` → ``fiets``), and the compounds
   that begin or end with it (``voetbal`` → ``voetbalvereniging``, ``trainer`` → ``jeugdtrainer``), except
   those ``search_words.yaml`` keeps apart (``ouders`` ↛ ``ouderen``);
2. it also finds its related words from ``search_words.yaml`` (``sport`` → ``voetbal``…, ``elderly`` →
   ``ouderen``), counted a little lower;
3. a word that finds nothing is corrected to the nearest vocabulary term (one typo up to six letters, two
   beyond; PostgreSQL finds candidates with a trigram index, SQLite by length) — and the page says so
   ("Bedoelde je …?"). A word that matched is never corrected.

Every found word must match (AND); when that leaves fewer than ``FALLBACK_BELOW`` vacancies, any word will
do (ranked by how many and how well), and the page says so. Relevance is the sum over the words of the best
(kind of match × field) weight, the same on both databases. There is no fuzzy matching of the whole query.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, TrigramWordSimilarity
from django.db import connection, transaction
from django.db.models import Case, FloatField, Q, Value, When
from django.db.models.functions import Length

from inzet.vacancies import analysis
from inzet.vacancies.models import SearchTerm, Vacancy

MAX_WORDS = 10
FALLBACK_BELOW = 5  # fewer results than this with all words: show those with most of the words
MAX_EXPANSIONS = 40  # compounds (or related terms) per word, the most common first
FIELD_WEIGHTS = (("A", 3.0), ("B", 1.0), ("C", 1.5))
EXACT, COMPOUND, RELATED, RELATED_COMPOUND = 1.0, 0.8, 0.7, 0.6
CORRECTED = 0.9  # a corrected word's weights are multiplied by this
WORD_SIMILARITY_THRESHOLD = 0.35  # pg_trgm: candidates for a correction, checked by edit distance after


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- the plan of a query -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WordPlan:
    typed: str  # the word (or known phrase) as analysed: folded, no accents
    corrected: str = ""  # the vocabulary term it was corrected to, "" when it matched as typed
    groups: tuple[tuple[float, tuple[str, ...]], ...] = ()  # (weight, terms), best first; empty = not found

    @property
    def terms(self) -> tuple[str, ...]:
        return tuple(term for _weight, terms in self.groups for term in terms)

    @property
    def found(self) -> bool:
        return bool(self.groups)


@dataclass(frozen=True)
class TextPlan:
    words: tuple[WordPlan, ...] = field(default_factory=tuple)

    @property
    def found(self) -> tuple[WordPlan, ...]:
        return tuple(word for word in self.words if word.found)

    @property
    def unknown(self) -> tuple[str, ...]:
        return tuple(word.typed for word in self.words if not word.found)

    @property
    def corrections(self) -> tuple[tuple[str, str], ...]:
        return tuple((word.typed, word.corrected) for word in self.words if word.corrected)

    @property
    def corrected_text(self) -> str:
        """The query as the search understood it, for "Bedoelde je …?"."""
        return " ".join(word.corrected or word.typed for word in self.words if word.found)


def plan_text(text) -> TextPlan | None:
    """The words of a query and the index terms each finds; None when nothing searchable is in it (empty,
    punctuation, only stop words): then the search is the list the filters alone give."""
    entries = analysis.phrase_groups(analysis.query_words(text)[:MAX_WORDS])
    if not entries:
        return None
    lookups = _lookup({word for typed, related in entries for word in (typed, *related)})
    plans = [_word_plan(typed, related, lookups) for typed, related in entries]
    missing = [plan.typed for plan in plans if not plan.found and " " not in plan.typed]
    if missing:
        corrections = {word: _correction(word) for word in missing}
        corrected_words = {word for word in corrections.values() if word}
        related_of = {word: analysis.related_words(word) for word in corrected_words}
        lookups.update(_lookup(corrected_words | {r for related in related_of.values() for r in related}))
        plans = [
            _word_plan(
                plan.typed, related_of[corrections[plan.typed]], lookups, corrected=corrections[plan.typed]
            )
            if not plan.found and corrections.get(plan.typed)
            else plan
            for plan in plans
        ]
    return TextPlan(words=tuple(plans))


def _bases(word: str) -> tuple[str, ...]:
    """What a word's compounds may begin or end with: the word itself and, when long enough, its stem."""
    stem = analysis.stem(word)
    return tuple(analysis.unique([word] + ([stem] if len(stem) >= 5 else [])))


def _lookup(words: set[str]) -> dict[str, tuple[list[str], list[str]]]:
    """For each word: (terms equal to it or with its stem, compounds that begin or end with it), most common
    first. One query on the vocabulary for all the words."""
    words = {word for word in words if word and " " not in word}
    if not words:
        return {}
    condition = Q(term__in=words) | Q(stem__in={analysis.stem(word) for word in words})
    for word in words:
        for base in _bases(word):
            if len(base) >= analysis.MIN_COMPOUND_BASE:
                condition |= Q(term__startswith=base) | Q(reversed_term__startswith=base[::-1])
    rows = list(
        SearchTerm.objects.filter(condition).order_by("-documents", "term").values_list("term", "stem")[:2000]
    )
    result = {}
    for word in words:
        stem, bases, excluded = analysis.stem(word), _bases(word), analysis.distinct_beginnings(word)
        direct, compounds = [], []
        for term, term_stem in rows:
            if term == word or term_stem == stem:
                direct.append(term)
            elif len(compounds) < MAX_EXPANSIONS and any(
                analysis.is_compound_of(term, base, excluded=excluded) for base in bases
            ):
                compounds.append(term)
        result[word] = (direct, compounds)
    return result


def _word_plan(typed: str, related: tuple[str, ...], lookups: dict, *, corrected: str = "") -> WordPlan:
    own = corrected or typed
    direct, compounds = lookups.get(own, ([], []))
    related_direct = [term for word in related for term in lookups.get(word, ([], []))[0]]
    related_compounds = [term for word in related for term in lookups.get(word, ([], []))[1]]
    factor = CORRECTED if corrected else 1.0
    groups, seen = [], set()
    for weight, terms in (
        (EXACT, direct),
        (COMPOUND, compounds),
        (RELATED, related_direct),
        (RELATED_COMPOUND, related_compounds[:MAX_EXPANSIONS]),
    ):
        fresh = tuple(term for term in analysis.unique(terms) if term not in seen)
        if fresh:
            groups.append((round(weight * factor, 3), fresh))
            seen.update(fresh)
    return WordPlan(typed=typed, corrected=corrected if groups else "", groups=tuple(groups))


def _correction(word: str) -> str:
    """The vocabulary term (or the beginning of one: ``voetbl`` → ``voetbal`` of ``voetbalvereniging``)
    nearest to a word that found nothing: fewest edits, whole terms before beginnings, then the most common;
    "" when none is close enough."""
    limit = analysis.max_typos(word)
    if not limit:
        return ""
    terms = SearchTerm.objects.alias(length=Length("term")).filter(length__gte=len(word) - limit)
    if is_postgres():
        # pg_trgm word similarity (GIN trigram index) proposes, the exact edit distance below decides.
        terms = terms.filter(term__trigram_word_similar=word).annotate(
            similarity=TrigramWordSimilarity(word, "term")
        )
        terms = terms.order_by("-similarity", "-documents")[:100]
    candidates = []
    for term, documents in _candidate_rows(terms):
        if not _may_be_a_typo_of(word, term):
            continue
        distance = analysis.edit_distance(word, term, limit)
        if distance <= limit:
            candidates.append((distance, 0, -documents, term))
            continue
        # Beginnings as long as the word first: "hockye" means "hockey" (of hockeyclub), not "hocke".
        for length in sorted(
            range(len(word) - limit, len(word) + limit + 1), key=lambda n: abs(n - len(word))
        ):
            if 5 <= length <= len(term) - analysis.MIN_REMAINDER:
                distance = analysis.edit_distance(word, term[:length], limit)
                if distance <= limit:
                    candidates.append((distance, 1 + abs(length - len(word)), -documents, term[:length]))
                    break
    return min(candidates)[3] if candidates else ""


def _candidate_rows(terms) -> list[tuple[str, int]]:
    if not is_postgres():
        return list(terms.values_list("term", "documents"))
    with transaction.atomic(), connection.cursor() as cursor:
        # The default (0.6) misses one typo in a short word ("hockye" ~ "hockeyclub" is 0.57).
        cursor.execute(f"SET LOCAL pg_trgm.word_similarity_threshold = {WORD_SIMILARITY_THRESHOLD}")
        return list(terms.values_list("term", "documents"))


def _may_be_a_typo_of(word: str, term: str) -> bool:
    """A cheap first sieve: a typo rarely changes both of the first two letters."""
    return term[0] in word[:2] or term[1:2] in word[:3]


# --- the plan as SQL -----------------------------------------------------------------------------------------


def _tsquery(terms, weight: str = "") -> str:
    suffix = f":{weight}" if weight else ""
    return " | ".join(f"'{term}'{suffix}" for term in terms)


def _search_query(text: str) -> SearchQuery:
    return SearchQuery(text, config="simple", search_type="raw")


def _line_pattern(terms, line: int | None = None) -> str:
    """A regular expression for any of the terms as a whole term of the document (or of one of its lines:
    0 = A, 1 = B, 2 = C). Terms are [a-z0-9] only, so they need no escaping."""
    alternatives = "|".join(sorted(terms, key=len, reverse=True))
    term = rf"(?<![^ \n])(?:{alternatives})(?![^ \n])"
    if line is None:
        return term
    return "^" + r"[^\n]*\n" * line + r"[^\n]*" + term


def word_matches(word: WordPlan) -> Q:
    """The vacancies in which the word is found (any of its terms, in any field)."""
    if is_postgres():
        return Q(search_vector=_search_query(_tsquery(word.terms)))
    return Q(search_document__regex=_line_pattern(word.terms))


def all_words_match(plan: TextPlan) -> Q:
    words = plan.found
    if is_postgres():  # one tsquery, so that the GIN index serves the whole condition
        return Q(search_vector=_search_query(" & ".join(f"({_tsquery(word.terms)})" for word in words)))
    condition = Q()
    for word in words:
        condition &= word_matches(word)
    return condition


def any_word_matches(plan: TextPlan) -> Q:
    words = plan.found
    if is_postgres():
        return Q(search_vector=_search_query(" | ".join(f"({_tsquery(word.terms)})" for word in words)))
    condition = Q()
    for word in words:
        condition |= word_matches(word)
    return condition


def relevance(plan: TextPlan):
    """Σ over the words of the best (kind of match × field) weight that the vacancy has."""
    total = Value(0.0, output_field=FloatField())
    for word in plan.found:
        branches = sorted(
            (
                (weight * field_weight, terms, line, letter)
                for weight, terms in word.groups
                for line, (letter, field_weight) in enumerate(FIELD_WEIGHTS)
            ),
            key=lambda branch: -branch[0],
        )
        whens = [
            When(
                Q(search_vector=_search_query(_tsquery(terms, letter)))
                if is_postgres()
                else Q(search_document__regex=_line_pattern(terms, line)),
                then=Value(score),
            )
            for score, terms, line, letter in branches
        ]
        total = total + Case(*whens, default=Value(0.0), output_field=FloatField())
    return total


# --- keeping the index current -------------------------------------------------------------------------------


def vacancy_document(vacancy: Vacancy) -> str:
    """The index document of one vacancy (its organisation, sector, municipality and kinds of work loaded)."""
    labels = [vacancy.sector.name, vacancy.sector.name_en]
    for activity in vacancy.activity_types.all():
        labels += [activity.name, activity.name_en]
    return analysis.document(
        title=vacancy.title,
        labels=labels,
        tasks=vacancy.activities,
        description=vacancy.description,
        names=[vacancy.organisation.name, vacancy.municipality.name],
    )


VECTOR_SQL = (
    "setweight(to_tsvector('simple', split_part({doc}, E'\\n', 1)), 'A')"
    " || setweight(to_tsvector('simple', split_part({doc}, E'\\n', 2)), 'B')"
    " || setweight(to_tsvector('simple', split_part({doc}, E'\\n', 3)), 'C')"
)


def vacancy_search_index_update(*, vacancy_ids) -> None:
    """Recompute the search document (and on PostgreSQL the tsvector) of these vacancies, and add their new
    terms to the vocabulary.

    Call after creating a vacancy, after changing its title, tasks, description, sector, kinds of work or
    municipality, and for all of an organisation's vacancies after renaming the organisation.
    """
    ids = sorted(set(vacancy_ids))
    for start in range(0, len(ids), 500):
        batch = list(
            Vacancy.objects.filter(pk__in=ids[start : start + 500])
            .select_related("organisation", "sector", "municipality")
            .prefetch_related("activity_types")
            .only(
                "title",
                "activities",
                "description",
                "organisation__name",
                "municipality__name",
                "sector__name",
                "sector__name_en",
            )
        )
        for vacancy in batch:
            vacancy.search_document = vacancy_document(vacancy)
        Vacancy.objects.bulk_update(batch, ["search_document"])
        if is_postgres():
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE vacancies_vacancy SET search_vector = {VECTOR_SQL.format(doc='search_document')} "
                    "WHERE id = ANY(%s)",
                    [[vacancy.pk for vacancy in batch]],
                )
        terms_add(terms={term for vacancy in batch for term in vacancy.search_document.split()})


def _term_row(term: str, documents: int) -> SearchTerm:
    return SearchTerm(term=term, stem=analysis.stem(term), reversed_term=term[::-1], documents=documents)


def terms_add(*, terms) -> None:
    """Put new terms in the vocabulary (counted once; the daily recount corrects the counts)."""
    rows = [_term_row(term, 1) for term in sorted(terms) if len(term) <= analysis.MAX_TERM_LENGTH]
    SearchTerm.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)


def search_terms_refresh() -> int:
    """Rebuild the vocabulary from the documents of the published vacancies, with their counts. Returns the
    number of terms. One transaction: searches meanwhile see the old vocabulary."""
    if is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat("
                "'SELECT search_vector FROM vacancies_vacancy WHERE status = ''published''')"
            )
            counts = dict(cursor.fetchall())
    else:
        counts = Counter()
        published = Vacancy.objects.filter(status=Vacancy.Status.PUBLISHED)
        for document in published.values_list("search_document", flat=True).iterator():
            counts.update(set(document.split()))
    rows = [_term_row(term, n) for term, n in counts.items() if len(term) <= analysis.MAX_TERM_LENGTH]
    with transaction.atomic():
        SearchTerm.objects.all().delete()
        SearchTerm.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
