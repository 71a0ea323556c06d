"""Passes over all of an article's statements once every sentence is read: contents that run
into the next statement are ended, and statements inside another's content are flagged nested."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

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
