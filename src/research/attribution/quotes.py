"""Quotations: finding them, joining interrupted ones, carrying them over paragraphs, and
"NAME: ..." labels."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from research.attribution.statement import (
    Statement,
    claimed_quotes,
    first_starting_at,
    last_ending_by,
    overlaps,
    quotes_near,
    statement_kind,
)
from research.attribution.table import read_sentence
from research.attribution.view import SentenceView
from research.attribution.words import (
    FINITE,
    FINITE_TAGS,
    NOUN_DETERMINERS,
    VERB_TAGS,
    trim_content,
)
from research.lexicons import CueLexicon
from research.schema import Span
from research.text import MISTYPED_CLOSE


class RunningQuote:
    """A quotation that runs over paragraphs. News opens every paragraph of a long quotation with
    a quote mark and closes only the last one: the paragraphs join the statement whose tag they
    follow ("..., he said: “A.¶“B.”") or precede (“A.¶“B,” he said.)."""

    def __init__(self) -> None:
        self.statement: Statement | None = None  # its quotation is still open
        self.orphan: Span | None = None  # an open quotation that no statement claimed yet

    def carry(
        self, text: str, paragraph: Span, quotes: Sequence[Span], found: list[Statement]
    ) -> None:
        opening = quotes[0] if quotes and quotes[0].start == paragraph.start else None
        if opening is not None:
            owner = next((s for s in found if any(overlaps(opening, c) for c in s.content)), None)
            if owner is None and self.statement is not None and not found:
                self.statement.content.extend(q for q in quotes)
                self.statement.kind = statement_kind(
                    text, self.statement.content, [*quotes, *self.statement.content]
                )
                if _open(text, quotes[-1]):
                    return  # still running: the next paragraph may continue it
            elif owner is not None and self.orphan is not None:
                owner.content.insert(0, self.orphan)
        self.statement = self.orphan = None
        if quotes and _open(text, quotes[-1]):
            last = quotes[-1]
            self.statement = next(
                (s for s in found if any(overlaps(last, c) for c in s.content)), None
            )
            self.orphan = last if self.statement is None else None


def _open(text: str, quote: Span) -> bool:
    """A quotation left open at its paragraph's end: its last character closes nothing."""
    return text[quote.end - 1] not in '”»"“' and not text[quote.start : quote.end].endswith("''")


# "Q: ...", "LENA OKAFOR: Why wait?", "Poll: Ruiz and Lee run even", and
# "... - Philip Bump: “...”": a short capitalized label and a colon give the speaker.
_LABEL = re.compile(
    r"(?:^|(?<=[-–—] ))((?:[A-Z][\w.'’-]*)(?: (?:[A-Z][\w.'’-]*|of|the|de|al)){0,3}): +(?=\S)"
)

# Labels that announce a kind of news, not a source: "Breaking:", "The Latest:", "Wow:".
_HEADLINE_KICKERS = {
    "latest", "breaking", "revealed", "boom", "wow", "bombshell", "exclusive", "look", "watch",
    "leaked", "busted", "byline", "update", "notice", "alert", "developing", "live", "video",
    "photos", "contributing", "correction", "note", "twitter", "email",
}  # fmt: skip


def announced(
    text: str,
    announcing: tuple[int, Span],
    quotes: Sequence[Span],
    cues: CueLexicon,
    earlier: Sequence[Statement],
    tags: Mapping[str, str],
) -> list[Statement]:
    """The statement of a paragraph that ends in a colon and announces the quotation that opens
    the next: 'The council said in a letter: ¶ “We regret the delay.”'; its sentence is read on
    through that quotation."""
    index, sentence = announcing
    view = SentenceView(
        text, index, Span(sentence.start, quotes[0].end), quotes, cues, earlier, tags
    )
    return [s for s in read_sentence(view) if any(overlaps(quotes[0], c) for c in s.content)]


# "- Bernie Sanders.": a paragraph that only credits the quotation above it, as fact checks do.
_DASH_CREDIT = re.compile(r"[-–—] ?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})\.?")


def dash_credit(text: str, index: int, paragraph: Span, quote: Span | None) -> Statement | None:
    """The statement of a quotation paragraph that the next paragraph credits with a dash:
    '"We will win." ¶ - Jane Roe.'"""
    if quote is None:
        return None
    match = _DASH_CREDIT.fullmatch(text, paragraph.start, paragraph.end)
    if match is None:
        return None
    name = match.group(1).rstrip(".")  # the credit's final period is not part of the name
    return Statement(
        kind="direct",
        speaker=Span(match.start(1), match.start(1) + len(name)),
        cue=Span(paragraph.start, paragraph.start + 1),
        content=[quote],
        paragraph=index,
        cue_lemma=":",
        verb_class="neutral",
        rule="dash_credit",
    )


# A speaker's turn in a transcript ends a sentence: "TAPPER: Why not debate?"
_SENTENCE_END = re.compile(r"""[.?!]['"”’)]*\s*$""")


def speaker_label(
    text: str, index: int, paragraph: Span, quotes: Sequence[Span]
) -> Statement | None:
    """ "Q: ...", "LENA OKAFOR: Why wait?", "Poll: Ruiz and Lee run even": a short
    capitalized label and a colon at a paragraph's start give the speaker of the paragraph."""
    # search the paragraph's head on its own: "^" matches only where the searched string starts
    head = text[paragraph.start : min(paragraph.end, paragraph.start + 80)]
    # a label ends in a colon and a space: most paragraphs' heads have none, and skip the search
    match = _LABEL.search(head) if ": " in head else None
    if match is None:
        return None
    start, colon = paragraph.start + match.start(1), paragraph.start + match.end(1)
    if any(q.start < start < q.end for q in quotes):
        return None
    if match.group(1).lower().split()[-1] in _HEADLINE_KICKERS:
        return None  # "Breaking: ...", "The Latest: ...": a kind of news, not who said it
    if paragraph.start > 0 and not _SENTENCE_END.search(text, paragraph.start, paragraph.end):
        return None  # inside an article, "Iowa: 23 delegates" is a table row, not a speaker's turn
    content = trim_content(text, Span(paragraph.start + match.end(), paragraph.end))
    if content.empty or (paragraph.start > 0 and len(content.text(text).split()) < 3):
        return None  # "Clinton: 1,769", "A: Yes.": a tally or a bare answer reports nothing
    return Statement(
        kind=statement_kind(text, [content], quotes),
        speaker=Span(start, colon),
        cue=Span(colon, colon + 1),
        content=[content],
        paragraph=index,
        cue_lemma=":",
        verb_class="neutral",
        rule="speaker_label",
    )


# "... - Pew Research: “...”", "Rep. Jane Roe (R-Ohio): "..."": a name and a colon just before a
# quotation that no cue claimed introduce it.
_QUOTE_LABEL = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w.'’-]*)(?: (?:[A-Z][\w.'’-]*|of|the|de|al)){0,4}"
    r"(?: \([^()]{1,20}\))?) ?: *$"
)

_POSSESSIVE = re.compile(r"\w['’]s? ")


def quote_labels(
    text: str, index: int, paragraph: Span, quotes: Sequence[Span], found: Sequence[Statement]
) -> list[Statement]:
    """Statements for unclaimed quotations that a "Name:" label introduces: "The survey's
    authors agree - Jane Roe: “Turnout will be low.”" """
    labelled = []
    claimed = claimed_quotes(quotes, found)
    for quote in quotes:
        if quote in claimed:
            continue
        match = _QUOTE_LABEL.search(text, max(paragraph.start, quote.start - 80), quote.start)
        if match is None or match.group(1).lower().split()[-1] in _HEADLINE_KICKERS:
            continue
        if _POSSESSIVE.search(match.group(1)):
            continue  # "the Times' Jane Roe: “Museum to close”" credits a headline, not a speaker
        colon = text.index(":", match.end(1))
        labelled.append(
            Statement(
                kind="direct",
                speaker=Span(match.start(1), match.end(1)),
                cue=Span(colon, colon + 1),
                content=[quote],
                paragraph=index,
                cue_lemma=":",
                verb_class="neutral",
                rule="quote_label",
            )
        )
    return labelled


# '“...,” Jane Roe barked.', '“...,” the group states in a letter': a quotation that ends in a
# comma, then a short subject and a verb that ends the sentence or takes "in"/"on" after it; the
# verb, whatever it is, tags the quotation.
_QUOTE_TAG = re.compile(
    r" ((?:[A-Z][\w.'’-]*|the|a|an)(?: (?:[\w'’-]+|[A-Z]\.)){0,5}) ([a-z]+)(?:\.| in | on )"
)


def quote_tags(
    text: str,
    index: int,
    quotes: Sequence[Span],
    found: Sequence[Statement],
    tags: Mapping[str, str],
) -> list[Statement]:
    """Statements for unclaimed quotations tagged by a verb outside the cue lexicon:
    '“We will appeal,” the lawyer vows.'"""
    tagged = []
    claimed = claimed_quotes(quotes, found)
    for quote in quotes:
        if text[quote.end - 2 : quote.end - 1] != "," or quote in claimed:
            continue
        match = _QUOTE_TAG.match(text, quote.end)
        # the lexicon knows "answers" and "states" as plural nouns; here they can only be verbs
        if match is None or tags.get(match.group(2), "VBD") not in FINITE_TAGS | {"NNS"}:
            continue
        if any(tags.get(w.lower(), "NN") in VERB_TAGS for w in match.group(1).split()):
            continue  # "“...,” the crowd shouted back and left.": not a bare subject
        tagged.append(
            Statement(
                kind="direct",
                speaker=Span(match.start(1), match.end(1)),
                cue=Span(match.start(2), match.end(2)),
                content=[quote],
                paragraph=index,
                cue_lemma=match.group(2),
                verb_class="neutral",
                rule="quote_tag",
            )
        )
    return tagged


# 'Jane Roe leaned in and boomed: “...”', 'The campaign put it more bluntly: "..."': a sentence
# that opens with a short subject and a verb and ends in a colon just before a quotation.
_QUOTE_LEAD = re.compile(
    r"(?:(?<=\n)|(?<=[.?!]['\"”’] )|(?<=[.?!] )|\A)"
    r"((?:[A-Z][\w.'’-]*)(?: (?:[A-Z][\w.'’-]*|of|the)){0,3}|(?:The|A|An) [\w'’-]+(?: [\w'’-]+)?) "
    r"([a-z]+(?: [\w'’-]+){0,6}) ?: *$"
)


def quote_leads(
    text: str,
    index: int,
    quotes: Sequence[Span],
    found: Sequence[Statement],
    tags: Mapping[str, str],
) -> list[Statement]:
    """Statements for unclaimed quotations that a clause ending in a colon leads into, its verb
    outside the cue lexicon: 'The governor leaned in and boomed: “We will win.”'"""
    led = []
    claimed = claimed_quotes(quotes, found)
    for quote in quotes:
        if quote in claimed:
            continue
        match = _QUOTE_LEAD.search(text, max(0, quote.start - 100), quote.start)
        if match is None or tags.get(match.group(2).split()[0], "NN") not in FINITE_TAGS:
            continue
        if any(tags.get(w.lower(), "NN") in VERB_TAGS for w in match.group(1).split()):
            continue  # "Roe Wins Vote, Critics Fume: ...": a headline, not a bare subject
        colon = text.index(":", match.end(2))
        led.append(
            Statement(
                kind="direct",
                speaker=Span(match.start(1), match.end(1)),
                cue=Span(match.start(2), colon + 1),
                content=[quote],
                paragraph=index,
                cue_lemma=match.group(2).split()[0],
                verb_class="neutral",
                rule="quote_lead",
            )
        )
    return led


def join_quotes(
    text: str,
    statements: Sequence[Statement],
    quotes: Sequence[Span],
    cues: CueLexicon,
    tags: Mapping[str, str],
) -> None:
    """Give a quoted statement the quotations its tag interrupts: “A,” she said, “B.” is one
    statement with two content fragments, as in PARC and PolNeAR, not one quote and an orphan."""
    claimed = claimed_quotes(quotes, statements)
    for statement in statements:
        if statement.cue is None or statement.nested or statement.kind == "indirect":
            continue
        tag = [statement.cue] + ([statement.speaker] if statement.speaker is not None else [])
        tag_start = min(span.start for span in tag)
        tag_end = max(span.end for span in [*tag, *statement.content])
        # 'On “Meet the Press,” Roe said the plan is “dead.”': a clause after the cue, not a
        # quotation, so the quoted title before the speaker is not the first half of what she said
        opening = first_starting_at(quotes, statement.content[0].start)
        quoted = opening < len(quotes) and quotes[opening].start == statement.content[0].start
        before = _unclaimed_before(text, quotes, claimed, tag_start) if quoted else None
        if before is not None and _only_glue(text, before.end, tag_start, cues, tags):
            statement.content.insert(0, before)
            claimed.add(before)
        position = tag_end
        for following in range(first_starting_at(quotes, position), len(quotes)):
            quote = quotes[following]
            if quote in claimed or not _only_glue(text, position, quote.start, cues, tags):
                break
            statement.content.append(quote)
            claimed.add(quote)
            position = quote.end
        statement.kind = statement_kind(
            text, statement.content, quotes_near(quotes, statement.content)
        )


def _unclaimed_before(
    text: str, quotes: Sequence[Span], claimed: set[Span], offset: int
) -> Span | None:
    """The last unclaimed quotation that ends by `offset`; none once more words lie between
    than `_only_glue` allows, as they would before any earlier one too."""
    for index in range(last_ending_by(quotes, offset), -1, -1):
        if quotes[index] not in claimed:
            return quotes[index]
        if len(_glue_words(text, quotes[index].end, offset)) > _MAX_GLUE_WORDS:
            return None
    return None


_MAX_GLUE_WORDS = 25


def _glue_words(text: str, start: int, end: int) -> list[str]:
    return re.findall(r"[\w'’]+", text[start:end].lower())


def _only_glue(text: str, start: int, end: int, cues: CueLexicon, tags: Mapping[str, str]) -> bool:
    """Whether the text between two quotation pieces is only punctuation or the tag's own words
    ("in an interview", "a senator from Ohio"): no other verb, no other cue. A cue noun after a
    determiner is the tag's own setting ("said in a statement"), not another cue."""
    words = _glue_words(text, start, end)
    if len(words) > _MAX_GLUE_WORDS:
        return False
    return not any(
        (w in cues.cues and previous not in NOUN_DETERMINERS)
        or tags.get(w) in FINITE_TAGS
        or w in FINITE
        for previous, w in zip(["", *words], words, strict=False)
    )


# --- quotations -----------------------------------------------------------------------------------


_QUOTE_MARK = re.compile(r"'''?|``|[“”\"«»„]")


def find_quotes(text: str, paragraph: Span) -> list[Span]:
    """Quotations in a paragraph, marks included; an unclosed one runs to the paragraph's end.

    Curly marks say which way they face; a straight mark closes an open quotation and opens one
    otherwise, so mixed straight and curly marks still pair up.
    """
    quotes = []
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text, paragraph.start, paragraph.end):
        mark, position = match.group(), match.start()
        if mark in ("“", "«", "„", "``") and opened is None:
            opened = position
        elif mark == "“" and opened is not None and MISTYPED_CLOSE.match(text, position - 1):
            quotes.append(Span(opened, match.end()))  # “It's odd,“ she said: a mistyped close
            opened = None
        elif mark in ("”", "»") and opened is not None:
            quotes.append(Span(opened, match.end()))
            opened = None
        elif mark in ('"', "''", "'''"):  # "'''": a doubled mark and a nested single one
            if opened is None:
                opened = position
            else:
                quotes.append(Span(opened, match.end()))
                opened = None
    if opened is not None and paragraph.end - opened > 1:
        quotes.append(Span(opened, paragraph.end))
    return quotes
