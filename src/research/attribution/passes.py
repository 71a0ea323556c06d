"""Passes over all of an article's statements once every sentence is read: contents that run
into the next statement are ended, and statements inside another's content are flagged nested."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from itertools import pairwise

from research.attribution.statement import Statement
from research.attribution.words import trim_content
from research.lexicons import CueLexicon
from research.schema import Span
from research.text import RELATIVES

# A content runs on past these into the next clause: "X wants A, and Y wants B", "X wants A
# while Y wants B" (a contrast joins two statements, not a statement and its content).
_CLAUSE_JOINS = re.compile(r"(?:,|;|,?\s+(?:and|but|while|whereas|although|though))\s*$")
# A quotation closes before the next speaker: "X pledged to “fix the roads,” the Tribune said".
_QUOTE_JOIN = re.compile(r",(?:''|[\"”’])\s*$")


def end_contents_at_next_speaker(text: str, statements: Sequence[Statement]) -> None:
    """End an indirect content where another statement's speaker opens a clause of its own after
    a comma, a semicolon or "and"/"but" ("Moscow wants a ceasefire, and the rebels say ..."): that
    clause is the next statement, not part of this one. "X said that Y claimed Z" and "the plan,
    which Y called ..." stay nested."""
    outers = sorted(
        (s.content[0].start, index)
        for index, s in enumerate(statements)
        if s.kind != "direct" and len(s.content) == 1 and not _tag_after(s)
    )
    long = [item for item in outers if statements[item[1]].content[0].end - item[0] > _LONG_CONTENT]
    starts = [start for start, _ in outers]
    for inner in statements:
        speaker, cue = inner.speaker, inner.cue
        if speaker is None or cue is None or cue.start < speaker.start:
            continue
        # only contents that start early enough to reach the speaker: bisection, not a full scan
        low = bisect_left(starts, speaker.start - _LONG_CONTENT)
        for _, index in sorted({*outers[low : bisect_left(starts, speaker.start)], *long}):
            outer = statements[index]
            content = outer.content[0]
            if outer is inner or not content.start < speaker.start < cue.end <= content.end:
                continue
            outer.content[0] = _ended_at_join(text, content, speaker.start, _CLAUSE_JOINS)


def _ended_at_join(text: str, content: Span, end: int, joins: re.Pattern[str]) -> Span:
    """The content ended at the join right before `end`, after a closing quotation mark
    (“... the roads,” the Tribune said) or before a comma or conjunction; else as it was."""
    quoted = _QUOTE_JOIN.search(text, content.start, end)
    join = joins.search(text, content.start, end)
    if quoted is not None:
        stop = quoted.end()
    elif join is not None:
        stop = join.start()
    else:
        return content
    ended = Span(content.start, stop).stripped(text)
    return content if ended.empty else ended


# A second predicate of the same subject opens after these: "X praised A, crediting B", "X
# blamed A but later admitted B", "X said A, while stressing B" (adverbs may come between).
_PREDICATE_JOINS = re.compile(
    r"(?:,|;|\s[—–]|,?\s+(?:and|but|while|before|yet))"
    r"(?:\s+(?:\w+ly|also|later|then|still|now|again|has|have|had|did|does|not|never))*\s*$"
)


def end_contents_at_next_predicate(text: str, statements: Sequence[Statement]) -> None:
    """End an indirect content where a second predicate of its own speaker opens: in "The mayor
    praised the plan, crediting the council with it" the crediting is a statement of its own, as
    in "The mayor blamed hackers but later admitted the error"."""
    outers = sorted(
        (s.content[0].start, index)
        for index, s in enumerate(statements)
        if s.kind != "direct" and len(s.content) == 1 and not _tag_after(s)
    )
    starts = [start for start, _ in outers]
    for inner in statements:
        speaker, cue = inner.speaker, inner.cue
        if speaker is None or cue is None or speaker.start > cue.start:
            continue
        low = bisect_left(starts, max(speaker.end, cue.start - _LONG_CONTENT))
        for _, index in outers[low : bisect_left(starts, cue.start)]:
            outer = statements[index]
            content = outer.content[0]
            if outer is inner or not speaker.end <= content.start < cue.start < content.end:
                continue
            outer.content[0] = _ended_at_join(text, content, cue.start, _PREDICATE_JOINS)


def end_relative_clauses(text: str, statements: Sequence[Statement], cues: CueLexicon) -> None:
    """End a relative clause's content where the main verb of its sentence opens a statement
    of its own: in "Senators who praised the plan warned that ..." the senators warned, and
    what they praised is "the plan", not the rest of the sentence. In "Voters who say Ruiz lied
    ..." Ruiz is the subject of the reported clause, and "lied" stays inside it."""
    starts_at = sorted(
        (s.cue.start, index) for index, s in enumerate(statements) if s.cue is not None
    )
    starts = [start for start, _ in starts_at]
    for relative in statements:
        speaker, antecedent = relative.speaker, relative.refers_to
        if speaker is None or antecedent is None or len(relative.content) != 1:
            continue
        if speaker.text(text).lower() not in RELATIVES | {"that"} or relative.kind == "direct":
            continue
        content = relative.content[0]
        low, high = bisect_right(starts, content.start), bisect_left(starts, content.end)
        for start, index in starts_at[low:high]:
            main = statements[index]
            # "Dana Ruiz - who said ... - said": the main verb already has the antecedent
            named = main.speaker is not None and main.speaker.end <= speaker.start
            if main.speaker is not None and main.speaker.start < content.start and not named:
                continue
            if _reported_subject(text, relative, main, cues):
                break
            ended = trim_content(text, Span(content.start, start))
            if not ended.empty:
                relative.content[0] = ended
                if not named:
                    main.speaker, main.description = antecedent, None
            break


def _reported_subject(text: str, relative: Statement, main: Statement, cues: CueLexicon) -> bool:
    """Whether the main statement is the clause a relative's verb reports ("who say Ruiz lied"):
    that verb takes a clause, which opens with the statement's subject, right before its verb."""
    subject, verb, cue = main.speaker, main.cue, relative.cue
    if subject is None or verb is None or cue is None or text[subject.end : verb.start].strip():
        return False
    if not any(
        c.takes_that for word in cue.text(text).lower().split() for c in cues.cues.get(word, ())
    ):
        return False
    opening = text[relative.content[0].start : subject.start]
    return opening.strip().lower() in {"", "that"}


def _tag_after(statement: Statement) -> bool:
    """Whether the cue follows the content ("The mayor resigned, the Tribune reported"): such a
    content holds the whole clause before the tag, statements in it included."""
    cue = statement.cue
    return cue is not None and cue.start >= statement.content[-1].end


def mark_nested(statements: Sequence[Statement]) -> None:
    """Flag statements reported inside another's content ("X said Y claimed Z"): annotation
    schemes such as PARC and PolNeAR mark only the outermost attribution."""
    # a transcript's "SMITH: ..." is a turn, not a report: what the turn reports stands alone
    contents = sorted(
        (span.start, span.end, index)
        for index, statement in enumerate(statements)
        if statement.cue_lemma != ":" or statement.paragraph == 0
        for span in statement.content
    )
    long = [item for item in contents if item[1] - item[0] > _LONG_CONTENT]
    short = [item for item in contents if item[1] - item[0] <= _LONG_CONTENT]
    starts = [start for start, _, _ in short]
    for index, statement in enumerate(statements):
        cue = statement.cue
        if cue is None or statement.kind == "direct":
            continue  # a quotation framed by its own cue is annotated, wherever it stands
        # only contents that start early enough to reach the cue: bisection, not a full scan
        low = bisect_left(starts, cue.start - _LONG_CONTENT)
        high = bisect_right(starts, cue.start)
        statement.nested = any(
            start <= cue.start and cue.end <= end and other != index
            for start, end, other in [*short[low:high], *long]
        )


_LONG_CONTENT = 2000  # characters; the few longer contents are checked for every cue

# Personal pronouns that, opening a reported clause, refer back to its speaker: "they want".
_RESTATING_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


def restated(text: str, statement: Statement, statements: Sequence[Statement]) -> bool:
    """Whether a nested statement only restates its reporter's own stance: in "Organizers say
    they want calm", "they want calm" is what the organizers said, one statement, not two (the
    content would be counted twice for one speaker); "X said the rebels claimed Z" stays."""
    speaker, cue = statement.speaker, statement.cue
    if speaker is None or cue is None or speaker.text(text).lower() not in _RESTATING_PRONOUNS:
        return False
    return any(
        span.start <= cue.start < span.end
        and text[span.start : speaker.start].strip().lower() in {"", "that"}
        for other in statements
        if other is not statement
        for span in other.content
    )


# --- speakers' turns and non-statements (issue 15) ---------------------------------------------


def continued_turns(
    text: str,
    paragraphs: Sequence[tuple[int, Span, Sequence[Span]]],
    statements: Sequence[Statement],
) -> list[Statement]:
    """Quotation paragraphs with no tag of their own that continue the turn of the speaker the
    paragraph before ended with: '... ," said Mayor Linda Gajewski. ¶ "We cannot keep building
    roads ..."'. Such a paragraph is the same speaker's (news style: a new speaker gets a tag); it
    becomes a direct statement with that speaker and no cue. A turn runs on over such paragraphs."""
    last_in: dict[int, Statement] = {}
    for statement in statements:
        end = statement.content[-1].end
        latest = last_in.get(statement.paragraph)
        if latest is None or end >= latest.content[-1].end:
            last_in[statement.paragraph] = statement
    owners = _Owners(statements)
    continued: list[Statement] = []
    previous: Statement | None = None
    previous_end = 0
    for index, paragraph, quotes in paragraphs:
        turn, turn_end = previous, previous_end
        previous, previous_end = last_in.get(index), paragraph.end
        owner = owners.of(quotes[0]) if quotes else None
        if owner is not None:  # announced ("X said:") or run on: the turn goes on with it
            previous = previous or owner
            continue
        if turn is None or turn.speaker is None or not quotes or index in last_in:
            continue
        outside = text[paragraph.start : quotes[0].start] + text[quotes[-1].end : paragraph.end]
        between = "".join(text[a.end : b.start] for a, b in pairwise(quotes))
        if quotes[0].start != paragraph.start or (outside + between).strip(" .,") or turn.nested:
            continue
        if not _ends_turn(text, turn, turn_end) or _TRANSCRIPT_LABEL.match(text, quotes[0].start):
            continue
        # left open, a tag further on may claim it; '"...”' is a stray mark, not one quotation
        if _PAIRS.get(text[quotes[0].start]) != text[quotes[-1].end - 1]:
            continue
        # a question hands the turn to someone else ('"... angry?" Clinton asked. ¶ "Nooo!"'),
        # and a word or two ("Yesss!", "Related:") is a response or a label, not a turn
        if _ASKS.search(_last_quote(text, turn)) or _words(text, quotes) < _TURN_WORDS:
            continue
        previous = Statement(
            kind="direct",
            speaker=turn.speaker,
            cue=None,
            content=list(quotes),
            paragraph=index,
            verb_class=turn.verb_class,
            description=turn.description,
            refers_to=turn.refers_to,
            rule="continued_turn",
        )
        continued.append(previous)
    return continued


class _Owners:
    """Which statement's content overlaps a span, by bisection over the contents' starts (a scan
    of every statement for every paragraph would be quadratic in a long article)."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        spans = sorted((c.start, c.end, i) for i, s in enumerate(statements) for c in s.content)
        self.statements = statements
        self.starts = [start for start, _, _ in spans]
        # for each prefix of the spans, the one reaching furthest: (end, statement index)
        self.furthest: list[tuple[int, int]] = []
        best = (-1, -1)
        for _, end, index in spans:
            best = max(best, (end, index))
            self.furthest.append(best)

    def of(self, span: Span) -> Statement | None:
        before = bisect_left(self.starts, span.end)
        if before == 0:
            return None
        end, index = self.furthest[before - 1]
        return self.statements[index] if end > span.start else None


_PAIRS = {"“": "”", '"': '"'}
_ASKS = re.compile(r"\?\W*$")
_TURN_WORDS = 3


def _last_quote(text: str, statement: Statement) -> str:
    return statement.content[-1].text(text)


def _words(text: str, quotes: Sequence[Span]) -> int:
    return sum(len(q.text(text).split()) for q in quotes)


# A quoted transcript turn, "“PENCE: Well, look ...”", has a speaker of its own.
_TRANSCRIPT_LABEL = re.compile(r"[“\"]\s*[A-Z][A-Z .'’-]+:")


def _ends_turn(text: str, statement: Statement, paragraph_end: int) -> bool:
    """Whether a statement quotes its speaker and nothing but punctuation, or the speaker's
    apposition, follows it in its paragraph: '"...," said Mayor Linda Gajewski.', '"...," said
    Rita Okafor, a spokeswoman for the union.' or '... said: "... ."'."""
    if statement.kind == "indirect":
        return False
    parts = [*statement.content, statement.speaker, statement.cue, statement.description]
    end = max(part.end for part in parts if part is not None)
    rest = text[end:paragraph_end]
    if not rest.strip(" .,;:”\"’'"):
        return True
    return rest.startswith(",") and len(rest) < _APPOSITION_LENGTH and not _QUOTE_MARK.search(rest)


_APPOSITION_LENGTH = 100  # characters
_QUOTE_MARK = re.compile(r"[\"“”]")


# "who asked not to be named", "spoke on condition of anonymity": why a source is unnamed, not
# something the source said. It scans the whole article: the lookahead (the first letters of the
# three forms) lets most word starts fail at once, a quarter less time than without it.
_ANONYMITY = re.compile(
    r"\b(?=[adnorw])(?:"
    r"\b(?:asked|requested|declined|wished|wanted)\s+(?:not\s+)?to\s+be\s+(?:named|identified|quoted)"
    r"|\bon\s+(?:the\s+)?condition\s+(?:of|that\s+\w+\s+not\s+be\s+named)(?:\s+anonymity)?"
    r"|\bnot\s+authori[sz]ed\s+to\s+(?:speak|comment|discuss|talk)\w*(?:\s+publicly)?)",
    re.IGNORECASE,
)


# A word each of _ANONYMITY's forms ends in or holds. Its IGNORECASE matching agrees with
# str.lower on these letters but for the dotted and dotless I, which send a text to the search.
_ANONYMITY_WORDS = ("named", "identified", "quoted", "condition", "authori")


def _may_name_anonymity(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _ANONYMITY_WORDS) or "İ" in text or "ı" in text


def not_statements(text: str, statements: Sequence[Statement]) -> list[Statement]:
    """The statements left once those whose cue only says why a source is unnamed are dropped."""
    if not _may_name_anonymity(text):
        return list(statements)  # four articles in five: no search along the whole text
    spans = [(m.start(), m.end()) for m in _ANONYMITY.finditer(text)]
    if not spans:
        return list(statements)
    starts = [start for start, _ in spans]

    def inside(offset: int) -> bool:
        at = bisect_right(starts, offset) - 1
        return at >= 0 and offset < spans[at][1]

    return [s for s in statements if s.cue is None or not inside(s.cue.start)]


_CONJUNCTION = re.compile(r"\s(?:and|but|while|whereas)\s+(?=the\s|a\s|an\s|its\s|their\s|[A-Z])")
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "new", "two", "three"})


def trim_coordinated_speakers(
    text: str, statements: Sequence[Statement], tags: Mapping[str, str]
) -> None:
    """In "the government appointed a mediator and the union rejected the offer" the speaker of
    "rejected" is "the union": a speaker whose words before a conjunction form a clause (a
    lowercase finite verb, or a participle with an object: "appointed a mediator", not "led by")
    keeps only the conjunct after it."""
    for statement in statements:
        speaker, cue = statement.speaker, statement.cue
        if speaker is None or cue is None or cue.start < speaker.end:
            continue
        said = speaker.text(text)
        joins = list(_CONJUNCTION.finditer(said))
        if joins and _is_clause(said[: joins[-1].start()], tags):
            statement.speaker = Span(speaker.start + joins[-1].end(), speaker.end).stripped(text)


def _is_clause(words: str, tags: Mapping[str, str]) -> bool:
    tokens = re.findall(r"[\w’'-]+", words)
    for word, following in zip(tokens, [*tokens[1:], ""], strict=True):
        tag = tags.get(word, "") if word.islower() else ""
        if tag in ("VBD", "VBZ", "VBP") or (tag == "VBN" and following.lower() in _DETERMINERS):
            return True
    return False
