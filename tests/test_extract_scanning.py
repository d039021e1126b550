"""The quick scans of extraction find exactly what the plain expressions they replace find.

Extraction skips over text with scans written for speed: the marks of a table found with
``str.find``, date expressions tried only where words start, phone numbers and list articles
written so that the matcher skips quickly, and the words that anchor mentions, dates and verb
cues found in a lowered copy of the text, and the ends of sentences and clauses found in one
search for each character that can open them. Each is checked here against the plain expression
that says what it finds, on text drawn from the characters that matter to it.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

import humtrack as ht
from humtrack.extract._trie import trie_pattern

_tables = importlib.import_module("humtrack.extract._tables")
_dates = importlib.import_module("humtrack.extract.dates")
_mentions = importlib.import_module("humtrack.extract.mentions")
_lexicon = importlib.import_module("humtrack.extract.lexicon")
_text = importlib.import_module("humtrack.extract.text")
_pipeline = importlib.import_module("humtrack.extract.pipeline")
_scan = importlib.import_module("humtrack.extract._scan")
_counting = importlib.import_module("humtrack.extract._counting")
_labels = importlib.import_module("humtrack.extract._labels")


def _texts(alphabet: str, max_size: int = 80) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, max_size=max_size)


# what a line of a table is, written plainly: a pipe, or a wide gap between two words
_PLAIN_TABLE_LINE = re.compile(r"^[^\n]*?(?:\||\S(?:\t|[ \t]{2,})\S)[^\n]*$", re.MULTILINE)


@settings(max_examples=400)
@given(_texts("ab1 |\t\n", 120))
def test_candidate_lines_are_the_lines_a_plain_expression_finds(text: str) -> None:
    expected = [m.span() for m in _PLAIN_TABLE_LINE.finditer(text)]
    assert list(_tables._candidate_lines(text)) == expected


@settings(max_examples=60)
@given(
    st.lists(st.sampled_from(["ab | 1", "x  12", "plain", "a\tb", "", "  indented"]), max_size=300)
)
def test_long_tables_are_the_lines_a_plain_expression_finds(lines: list[str]) -> None:
    # past the first marked lines, the rest of the text is matched whole
    text = "\n".join(lines)
    expected = [m.span() for m in _PLAIN_TABLE_LINE.finditer(text)]
    assert list(_tables._candidate_lines(text)) == expected


def _plain_date_search(text: str) -> Iterator[tuple[int, int]]:
    """The date expressions near each anchor word, found by searching the whole window."""
    last_end = 0
    for anchor in _dates._ANCHOR.finditer(text):
        position = anchor.start()
        if position < last_end:
            continue
        at, hi = max(last_end, position - 40), min(len(text), anchor.end() + 60)
        while at < hi:
            m = _dates._PATTERN.search(text, at, hi)
            if m is None or m.start() > position:
                break
            if m.end() > position:
                last_end = m.end()
                yield m.span()
                break
            at = m.end() if m.end() > at else at + 1


_DATE_WORDS = st.sampled_from(
    ["between", "from", "since", "May", "1", "16", "2023", "to", "and", "-", "–", "the", "end",
     "of", "last", "week", "on", "Sunday", "in", "March", "as", "at", "x", "early", "past",
     "three", "days", "later", ",", ".", "1-16", "Mayday", "20231"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_DATE_WORDS, max_size=25), st.lists(st.sampled_from([" ", "", "\n"]), min_size=25))
def test_dates_tried_at_word_starts_are_those_a_window_search_finds(
    words: list[str], gaps: list[str]
) -> None:
    text = "".join(w + g for w, g in zip(words, gaps, strict=False))
    assert [m.span() for m in _dates._anchored(text)] == list(_plain_date_search(text))


_PLAIN_PHONE = re.compile(
    r"(?<![\d,.])(?:(?:\+\d{1,3}|0\d{0,4})(?:[ .-]\d{2,4}){2,}|1-\d{3}-\d{3}-\d{4})(?![\d,])"
)
_PLAIN_LIST_ARTICLE = re.compile(r"(?:,\s+|\band\s+)(an?)\s+(?=[a-z])")


@settings(max_examples=400)
@given(_texts("0123456789 .-+,a", 60))
def test_phone_numbers_are_those_a_plain_expression_finds(text: str) -> None:
    found = [m.span() for m in _mentions._PHONE.finditer(text)]
    assert found == [m.span() for m in _PLAIN_PHONE.finditer(text)]


@settings(max_examples=400)
@given(_texts("and ,xA\n", 60))
def test_list_articles_are_those_a_plain_expression_finds(text: str) -> None:
    found = [m.span(1) for m in _mentions._LIST_ARTICLE.finditer(text)]
    assert found == [m.span(1) for m in _PLAIN_LIST_ARTICLE.finditer(text)]


# words, digits and the characters around them that the quick word scans read differently from
# the text: Latin-1 and later letters ("é", "ж"), code points that match ASCII letters when case
# is ignored (the long s, the Kelvin sign), a digit past ASCII ("٣"), a no-break space, a "?"
_GAPS = st.sampled_from([" ", "", "\n", "\u00a0", "’", "é", "ж", "?", "-", "_"])
_ODD_WORDS = ["é", "ж", "ſ", "\u212a", "٣", "~", "?", "_", "a1", "x"]


def _joined(words: list[str], gaps: list[str]) -> str:
    return "".join(w + g for w, g in zip(words, gaps, strict=False))


_MENTION_WORDS = st.sampled_from(
    ["a", "A", "an", "AN", "about", "ABOUT", "aBout", "in", "In", "dozen", "dozens", "half",
     "more", "approx", "thousand", "twenty", "one", "1", "12", "1,000", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_MENTION_WORDS, max_size=25), st.lists(_GAPS, min_size=25))
def test_mention_starts_are_those_the_plain_anchor_finds(words: list[str], gaps: list[str]) -> None:
    text = _joined(words, gaps)
    expected = [m.start() for m in _mentions._ANCHOR.finditer(text)]
    assert _mentions._anchor_starts(text) == expected


_DATE_ANCHOR_WORDS = st.sampled_from(
    ["May", "may", "MAY", "since", "Since", "week", "weekend", "last", "end", "Sunday", "2019",
     "1999", "20190", "19", "20", "x2019", "1", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_DATE_ANCHOR_WORDS, max_size=25), st.lists(_GAPS, min_size=25))
def test_date_anchors_are_those_the_plain_anchor_finds(words: list[str], gaps: list[str]) -> None:
    text = _joined(words, gaps)
    expected = [m.span() for m in _dates._ANCHOR.finditer(text)]
    assert [m.span() for m in _dates._anchors(text, _scan.lowered(text))] == expected


# a date expression for each word one can open on, whole, so that the expression matches there
_DATE_PHRASES = [
    "between 1 and 16 May", "from May to June", "on Sunday", "at the end of May",
    "the end of 2023", "in May", "as of 3 May", "since May", "during 2023", "by May", "until May",
    "through May", "throughout 2023", "early May", "late May", "of 2023", "last week",
    "this week", "today", "yesterday", "tonight", "over the past three days", "a week later",
    "mid-May", "midMay", "3 May", "٣ May", "2023-05-01", "May 1-16",
    *(f"{n} days later" for n in ["one", "two", "three", "four", "five", "six", "seven", "eight",
                                  "nine", "ten", "12"]),
    *(f"{m} 2023" for m in _dates._MONTHS),
    *(f"{d}'s" for d in _dates._WEEKDAYS),
]  # fmt: skip
# code points past Latin-1 that match an ASCII letter when case is ignored
_ODD_LETTERS = {"s": "ſ", "i": "ı", "k": "\u212a"}


@st.composite
def _date_phrases(draw: st.DrawFn) -> str:
    phrase: str = draw(st.sampled_from([str, str.upper, str.title]))(
        draw(st.sampled_from(_DATE_PHRASES))
    )
    if draw(st.booleans()):
        at = draw(st.integers(0, len(phrase) - 1))
        phrase = phrase[:at] + _ODD_LETTERS.get(phrase[at].lower(), phrase[at]) + phrase[at + 1 :]
    return phrase


def _assert_dates_open_where_allowed(text: str) -> None:
    # the date expression is tried only at the words the quick check lets through: it must let
    # through every word the expression matches at
    low = _scan.lowered(text)
    for word in _dates._WORD_START.finditer(text):
        if _dates._PATTERN.match(text, word.start()):
            assert _dates._MAY_OPEN.match(low, word.start() + 1), text[word.start() :]


@settings(max_examples=500)
@given(st.lists(_date_phrases(), max_size=6), st.lists(_GAPS, min_size=6))
def test_dates_open_only_where_the_quick_check_allows(words: list[str], gaps: list[str]) -> None:
    _assert_dates_open_where_allowed(_joined(words, gaps))


def test_every_date_phrase_opens_where_the_quick_check_allows() -> None:
    # each phrase in each case, with each letter in turn written as its odd look-alike
    for phrase in _DATE_PHRASES:
        for written in (phrase, phrase.upper(), phrase.title()):
            for at, letter in enumerate(written):
                odd = _ODD_LETTERS.get(letter.lower(), letter)
                _assert_dates_open_where_allowed(f"({written[:at]}{odd}{written[at + 1 :]}.")


_VERB_WORDS = st.sampled_from(
    ["killed or injured", "KILLED OR INJURED", "pre-emptively evacuated", "in need", "killed",
     "injured", "evacuated", "need", "toll", "é", "ж", "x", "1"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_VERB_WORDS, max_size=25), st.lists(_GAPS, min_size=25))
def test_verb_cues_are_those_the_plain_expression_finds(words: list[str], gaps: list[str]) -> None:
    # phrases of several words ("killed or injured", "pre-emptively evacuated"): a word inside
    # one is found when the phrase is not
    text = _joined(words, gaps)
    lex = _lexicon.lexicon()
    found = _scan.word_matches(lex.verbs, lex.verb_scan, text, _scan.lowered(text))
    assert [m.span() for m in found] == [m.span() for m in lex.verbs.finditer(text)]


_PLAIN_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n")
_PLAIN_CLAUSE_BREAK = re.compile(
    r"[;:](?=\s)\s*|[—–](?:(?<!\d[—–])|(?!\d))\s*|,\s+(?=(?:while|but|whereas|although|though)\b)"
    r"|\((?=\S)|\)\s*"
)


@settings(max_examples=400)
@given(_texts('.!?"”’)]“‘([ \nAa0', 60))
def test_sentence_ends_are_those_a_plain_expression_finds(text: str) -> None:
    found = [m.span() for m in _scan.merged(_text._SENTENCE_ENDS, text)]
    assert found == [m.span() for m in _PLAIN_SENTENCE_END.finditer(text)]


_CLAUSE_WORDS = st.sampled_from(
    [";", ":", "—", "–", ",", "(", ")", " ", "\n", "1", "a", "while", "but", "butter", "though"]
)


@settings(max_examples=400)
@given(st.lists(_CLAUSE_WORDS, max_size=40))
def test_clause_breaks_are_those_a_plain_expression_finds(words: list[str]) -> None:
    text = "".join(words)
    found = [m.span() for m in _scan.merged(_text._CLAUSE_BREAKS, text)]
    assert found == [m.span() for m in _PLAIN_CLAUSE_BREAK.finditer(text)]


_ASIDE_WORDS = st.sampled_from(
    [" — ", " – ", "—", " ", "some ", "12", "3,000 ", "people", "households", "and", "a", ".",
     "\n", "x"]
)  # fmt: skip


@settings(max_examples=400)
@given(st.lists(_ASIDE_WORDS, max_size=30))
def test_dash_asides_are_those_the_plain_expression_finds(words: list[str]) -> None:
    text = "".join(words)
    expected = [(m.span(), m.groups()) for m in _text._DASH_ASIDE.finditer(text)]
    assert [(m.span(), m.groups()) for m in _text._dash_asides(text)] == expected


_TOPIC_WORDS = st.sampled_from(
    ["return", "returnees", "Refugees", "REFUGEE", "asylum", "aſylum", "IDPs", "ıdps", "İDP",
     "internally displaced", "internally\u00a0displaced", "ınternally displaced", "displaced",
     "re", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_TOPIC_WORDS, max_size=25), st.lists(_GAPS, min_size=25))
def test_topic_words_are_those_the_plain_expression_finds(
    words: list[str], gaps: list[str]
) -> None:
    text = _joined(words, gaps)
    plain = _pipeline._TOPIC_WORDS.finditer(text)
    assert _pipeline._topics(text) == Counter(m.lastgroup for m in plain)


def test_reading_a_text_again_indexes_it_anew() -> None:
    # the verb cues of a text are kept only while it is read: a benchmark that reads the same
    # text three times pays for its index each time, and no text stays in memory after
    cues = importlib.import_module("humtrack.extract._cues")
    text = "More than 200 people have been killed since September 19."
    assert len(ht.extract(text)) == 1
    assert cues._LAST_INDEX == []


_WORDED = [
    (name, value)
    for module in (_counting, _mentions, _labels)
    for name, value in vars(module).items()
    if isinstance(value, _scan.Worded)
]
_WORDED_PIECES = st.sampled_from(
    ["the figure stood at", "the total was", "put the toll at", "raised it to", "It rose to",
     "was up from", "and by Monday at", "it had passed", "were counting", "6 of the",
     "put it at", "it stood at", "the tally stands at", "a count of", "it reached",
     "rose by", "has gone up by", "the number of deaths is", "toll of the dead was now",
     "Of the", "Among them", "camps that held", "the camp hosts", "shelters housed", "by region:",
     "by oblast include", "in week", "Week", "target population of", "| reached", "a team of",
     "about", "some", "total", "from", "to", "at", "hold", "it", "İt", "ıt", "Fıgure", "ſtood",
     "\u212ailled", "1", "12", "1,000", ",", ";", ".", "(", ":", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(_WORDED_PIECES, max_size=20), st.lists(_GAPS, min_size=20))
def test_worded_expressions_find_what_the_plain_expressions_find(
    words: list[str], gaps: list[str]
) -> None:
    # searched only where one of their words is, they find the same matches
    text = _joined(words, gaps)
    _scan.forget_words()
    for end in range(len(text) + 1):
        for start in (0, max(0, end - 30), max(0, end - 70)):
            for name, worded in _WORDED:
                expected = worded.pattern.search(text, start, end)
                found = worded.search(text, start, end)
                assert (found and found.span()) == (expected and expected.span()), name


_LABEL_END_PIECES = st.sampled_from(
    [":", " —", " –", "3 /", " - /", " ....", " ..", "....", " …", "……", " .", " total",
     " cumulative", " New", " OVERALL", " revised from", " revised up from", " 12,000",
     " (NDMO, 9 April)", " to", "Deaths", "\t", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_LABEL_END_PIECES, max_size=12))
def test_label_ends_end_on_a_character_the_quick_check_allows(pieces: list[str]) -> None:
    head = "".join(pieces).rstrip()
    found = _labels._LABEL_END.search(head)
    assert found is None or head[-1:] in _labels._LABEL_END_LAST


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _untried(pattern: re.Pattern[str], *lists: list[str]) -> re.Pattern[str]:
    """``pattern`` with each trie of a word list written back as a plain alternation."""
    source = pattern.pattern
    for words in lists:
        source = source.replace(trie_pattern(words, ignore_case=False), _plain(words))
    assert source != pattern.pattern
    return re.compile(source, pattern.flags)


_MONEY_PIECES = st.sampled_from(
    [*_mentions._MONEY_BEFORE[:12], *_mentions._MONEY_AFTER[:12], *_mentions._NOT_FIGURE_LABELS,
     "US", "$", "rs", ".", "s", " ", "\n", "children under", "a day or", "GMT+", "survey of",
     "per cent", "years old", "and a half", "Million", "Syrian", "us", "1", "under", "as", "or",
     "+", "−", "/", ":", "weeks", "\u2003", "\t", "ı", "İ", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_MONEY_PIECES, max_size=8), st.lists(_GAPS, min_size=8))
def test_word_tries_match_where_the_plain_alternations_do(
    words: list[str], gaps: list[str]
) -> None:
    # the money words and labels around a number, written as tries: asked only whether they
    # match, they answer as the plain alternations do
    text = _joined(words, gaps)
    before = _untried(
        _mentions._BEFORE_NOT_FIGURE, _mentions._MONEY_BEFORE, list(_mentions._NOT_FIGURE_LABELS)
    )
    after = _untried(_mentions._AFTER_NOT_FIGURE, _mentions._MONEY_AFTER)
    for i in range(len(text) + 1):
        expected = bool(before.search(text[max(0, i - 18) : i]))
        assert bool(_mentions._BEFORE_NOT_FIGURE.search(text[max(0, i - 18) : i])) == expected
        # and the quick check of how the text ends lets every match through
        assert _mentions._before_not_figure(text[max(0, i - 18) : i]) == expected
        assert bool(_mentions._AFTER_NOT_FIGURE.match(text[i : i + 24])) == bool(
            after.match(text[i : i + 24])
        )


_ROW_PIECES = st.sampled_from(
    ["Sirajganj", "Kherson region", "Kherson region 52 / 168", "July 219 / 1,018", "  ", "   ",
     "\t", " ", "about", "approximately ", "some",
     "20.4", "52", "1,018", "/", " / ", "\n", "lakh", ":", "-", *_ODD_WORDS]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_ROW_PIECES, max_size=14))
def test_aligned_and_slashed_rows_start_where_the_quick_checks_allow(pieces: list[str]) -> None:
    # the figure of a row aligned with spaces follows its gap or a qualifier after it; the
    # figure of a row split by slashes opens its cells
    text = "".join(pieces)
    for position in range(len(text) + 1):
        line_start = max(text.rfind("\n", 0, position) + 1, position - 140)
        aligned = _labels._ALIGNED_LABEL.match(text, line_start)
        if aligned is not None and position in {aligned.end(), aligned.end("gap")}:
            assert _labels._after_gap(text, position)
        slashed = _labels._SLASH_ROW.match(text, line_start)
        if slashed is not None and slashed.end() == position:
            assert _labels._SLASHED_CELLS_AT.match(text, position)
