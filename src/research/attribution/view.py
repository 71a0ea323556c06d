"""The sentence view: one object per sentence, its tokens and quotations, answering the grammar
questions the attribution rules ask (is this token quoted, a finite verb, where does the clause
before it start, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from itertools import compress, count

from research.attribution.statement import (
    Statement,
    first_starting_at,
    last_ending_by,
    overlaps,
    quotes_near,
    statement_kind,
    within,
)
from research.attribution.words import (
    AUXILIARIES,
    BARE,
    CLAUSE_OPENERS,
    DATELINE_DASHES,
    EMBEDDED_QUOTE,
    FINITE,
    FINITE_TAGS,
    LEADING_ADVERBS,
    NOUN_MARKERS,
    PASSIVE,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    TIME_ADJECTIVES,
    TIME_WORDS,
    VERB_GROUP,
    VERB_TAGS,
    clitic_verb,
    contracted,
    negation,
    split_segments,
    word_base,
)
from research.lexicons import Cue, CueLexicon
from research.schema import Span
from research.text import (
    CLOSING_QUOTES,
    OPENING_QUOTES,
    RELATIVES,
    UNKNOWN,
    Token,
    is_boundary_punct,
    is_punct,
    tokenize,
)


class SentenceView:
    """One sentence, read once: its tokens with their tags, its quotations, the cue lexicon,
    and the statements found in it so far (`found`), which later cues read."""

    # --- the sentence -----------------------------------------------------------------------

    def __init__(
        self,
        text: str,
        paragraph: int,
        sentence: Span,
        quotes: Sequence[Span],
        cues: CueLexicon,
        earlier: Sequence[Statement],
        tags: Mapping[str, str],
    ) -> None:
        self.text = text
        self.paragraph = paragraph
        self.sentence = sentence
        self.quotes = quotes
        self.cues = cues
        self.earlier = earlier
        self.tags = tags
        self.tokens = tokenize(text, sentence, tags)  # each token tagged once
        self.words = [token.lower for token in self.tokens]  # for finding words in C
        self.found: list[Statement] = []

    def tag_of(self, word: str) -> str:
        """The tag of a word that is no token here (a cue's form), UNKNOWN if the lexicon lacks it."""
        return self.tags.get(word, UNKNOWN)

    def cue_matches(self) -> list[tuple[int, int, tuple[Cue, ...]]]:
        """(first token, last token, readings) for each cue outside quotations, longest first."""
        found = []
        words = self.words
        first_words, cues = self.cues.first_words, self.cues.cues
        after = 0  # the first token past the last cue found
        # only a word that can open a cue is tried: a set lookup a token (in C), not a join
        for position in compress(count(), map(first_words.__contains__, words)):
            if position < after:
                continue
            for size in range(min(first_words[words[position]], len(words) - position), 0, -1):
                readings = cues.get(" ".join(words[position : position + size]))
                if readings:  # quoted at its first word, no shorter reading is outside either
                    if not self.quoted(self.tokens[position].start):
                        found.append((position, position + size - 1, readings))
                        after = position + size
                    break
        return found

    def positions(self, word: str) -> Iterator[int]:
        """The indices of the tokens that are `word` in lowercase, found in C: most sentences
        hold a given word a few times at most."""
        return compress(count(), map(word.__eq__, self.words))

    def readings_in(self, span: Span) -> list[Token]:
        """The cue words inside a span: a clause with its own cue is not sourced by "in"."""
        return [
            t for t in self.tokens if span.start <= t.start < span.end and t.lower in self.cues.cues
        ]

    def index_after(self, offset: int) -> int | None:
        """The index of the first token at or after `offset`."""
        return next((i for i, t in enumerate(self.tokens) if t.start >= offset), None)

    def tail(self, index: int) -> list[Token]:
        """Tokens after the cue up to the next comma, semicolon or sentence end."""
        tail = []
        for token in self.tokens[index:]:
            if token.text in {",", ";", "."} and not self.quoted(token.start):
                break
            tail.append(token)
        return tail

    def adjacent(self, segment: list[Token], end: int) -> bool:
        return end < 1 or segment[-1] is self.tokens[end - 1]

    # --- quotations -------------------------------------------------------------------------

    def quoted(self, offset: int) -> bool:
        """Whether `offset` is inside one of the paragraph's quotations."""
        if not self.quotes:
            return False  # half the calls: most paragraphs quote no one
        # only the last quotation opening before `offset` can hold it (they do not overlap)
        index = first_starting_at(self.quotes, offset) - 1
        return index >= 0 and offset < self.quotes[index].end

    def inner_quoted(self, index: int) -> bool:
        """Quoted and not the last mark before the closing quote ('as “Medicare for all,” she')."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        closes = following is not None and following.text in CLOSING_QUOTES
        return self.quoted(self.tokens[index].start) and not closes

    def quote_at(self, offset: int) -> Span | None:
        """The quotation that holds `offset`, if any."""
        index = first_starting_at(self.quotes, offset + 1) - 1
        return self.quotes[index] if index >= 0 and offset < self.quotes[index].end else None

    def embedded_quote_start(self, closing: int) -> int | None:
        """The index of the opening mark of a short quotation that ends at token `closing` and
        stands inside a phrase ("the author of “Going Viral,”", "who calls it a “scam,”"), not
        a quotation of its own; None otherwise."""
        quote = self.quote_at(self.tokens[closing].start)
        if quote is None or quote.end - quote.start > EMBEDDED_QUOTE:
            return None
        opening = closing
        while opening > 0 and self.tokens[opening].start > quote.start:
            opening -= 1
        if opening == 0 or not self.tokens[opening - 1].text[0].isalnum():
            return None
        return opening

    def prior_quote(self) -> Span | None:
        """A quotation that ends right where this sentence starts: '"...?" Rubio said.'"""
        # an earlier quotation has the later one's marks in between
        index = last_ending_by(self.quotes, self.sentence.start)
        quote = self.quotes[index] if index >= 0 else None
        if quote is not None and not self.text[quote.end : self.sentence.start].strip(" ,"):
            return quote
        return None

    def quote_follows(self, index: int) -> bool:
        """ "said, “..." or "said: “...": a quotation right after the cue's comma or colon."""
        following = self.tokens[index : index + 2]
        return (
            len(following) == 2
            and following[0].text in {",", ":"}
            and following[1].text in OPENING_QUOTES
        )

    def quote_ends_before(self, offset: int) -> bool:
        """Whether a quotation closes right before `offset`, past commas: '“...,” Lott told'."""
        # an earlier quotation has the later one's marks in between
        index = last_ending_by(self.quotes, offset)
        return index >= 0 and not self.text[self.quotes[index].end : offset].strip(" ,")

    def quote_reported_before(self) -> bool:
        """Whether the quotation closing before this sentence is already the content of the
        statement before: in 'The aide said “We are done.” A spokesman declined to comment.'
        the spokesman's refusal does not take the aide's words."""
        index = last_ending_by(self.quotes, self.sentence.start)
        previous = self.earlier[-1] if self.earlier else None
        return (
            index >= 0
            and previous is not None
            and previous.cue is not None
            and previous.cue.end <= self.quotes[index].start
            and any(overlaps(self.quotes[index], c) for c in previous.content)
        )

    def quote_opens_sentence(self, offset: int) -> bool:
        """Whether the quotation closing before `offset` opens this sentence and ends in a comma
        ('“...,” Clinton told'), not an earlier sentence ('“...” He said') or an aside."""
        index = last_ending_by(self.quotes, offset)
        if index < 0 or self.quotes[index].end <= self.sentence.start:
            return False
        quote = self.quotes[index]
        opening = self.text[self.sentence.start : max(quote.start, self.sentence.start)]
        closing = self.text[quote.start : quote.end].rstrip("”\"'» ")
        return not any(ch.isalnum() for ch in opening) and closing.endswith(",")

    def has_text_before(self, speaker: Span) -> bool:
        """Whether anything stands before the speaker: words, or a quotation just before."""
        before = self.text[self.sentence.start : speaker.start]
        return (
            any(ch.isalnum() for ch in before)
            or self.quote_at(speaker.start - 2) is not None
            or self.prior_quote() is not None
        )

    # --- verbs and verb groups --------------------------------------------------------------

    def finite_verb(self, token: Token) -> bool:
        """A finite verb: "is", "said", "would", by the closed list or the tag lexicon."""
        return token.lower in FINITE or (token.text[0].islower() and token.tag in FINITE_TAGS)

    def verbish(self, token: Token) -> bool:
        """A finite verb or a participle, by the closed list or the Pattern lexicon."""
        if token.lower in FINITE:
            return True
        if not token.text[0].islower():
            return False
        tag = token.tag
        # a word the lexicon lacks that ends in "-ed" ("emailed", "livestreamed") is a verb
        return tag in VERB_TAGS or (
            tag == UNKNOWN and len(token.lower) > 4 and token.lower.endswith("ed")
        )

    def coordinated_verb(self, token: Token) -> bool:
        """A verb that heads a predicate: finite, or a past form the lexicon tags as a participle
        ("Obama positioned"), though not one that modifies a noun ("the most qualified")."""
        if self.quoted(token.start):
            return False
        if self.finite_verb(token):
            return True
        index = self.tokens.index(token)
        before = self.tokens[index - 1] if index > 0 else None
        return (
            token.text[0].islower()
            and token.tag == "VBN"
            and before is not None
            and before.lower not in NOUN_MARKERS
            and before.tag not in {"RB", "RBR", "RBS", "JJ", "DT"}
        )

    def coordinated_cue(self, tokens: list[Token], index: int) -> bool:
        """A verb cue right after "and": "... and said that ...", "... and added: ..."."""
        if index >= len(tokens):
            return False
        readings = self.cues.cues.get(tokens[index].lower, ())
        return any(cue.kind == "verb" and not cue.form.endswith("ing") for cue in readings)

    def starts_statement(self, tokens: list[Token], index: int) -> bool:
        """Whether the tokens at `index` open another statement: "adding", "claiming", "according to"."""
        word = tokens[index].lower
        if word == "according":
            return True
        readings = self.cues.cues.get(word, ())
        return any(cue.kind == "verb" for cue in readings) and word.endswith("ing")

    def predicate_at(self, tokens: list[Token], index: int) -> bool:
        """A verb at `index`, past adverbs: ", later said", ", has also said", ", described"."""
        while index < len(tokens) and tokens[index].tag in {"RB", "RBR"}:
            index += 1
        return index < len(tokens) and self.verbish(tokens[index])

    def infinitive(self, tokens: list[Token]) -> bool:
        """ "to cast her ballot": an infinitive, which belongs to the content."""
        if len(tokens) < 2 or tokens[0].lower != "to":
            return False
        tag = tokens[1].tag
        # "to answer", "to comment": a base form the lexicon reads first as a noun, before an
        # article, a pronoun, a preposition or nothing
        bare_noun = (
            tag == "NN"
            and tokens[1].text.islower()
            and (len(tokens) == 2 or tokens[2].tag in {"DT", "PRP", "PRP$", "IN"})
        )
        return tag.startswith("VB") or bare_noun

    def infinitive_cue(self, index: int) -> bool:
        """ "to mock", "to blame": an infinitive whose verb is itself a cue."""
        tokens = self.tokens[index : index + 2]
        return (
            len(tokens) == 2
            and tokens[0].lower == "to"
            and any(c.kind == "verb" for c in self.cues.cues.get(tokens[1].lower, ()))
        )

    def participle_only(self, cue: Cue) -> bool:
        """Whether a cue form is a past participle and never a past tense ("known", "seen",
        "written"; not "said" or "criticized"): without "have" it is passive."""
        return self.tag_of(cue.form) == "VBN" and not cue.form.endswith("ed")

    def progressive(self, first: int) -> bool:
        """ "is saying", "He’s predicting", "isn’t saying", "is not always worrying": an
        auxiliary before the cue, past a negation or an adverb."""
        index = first - 1
        while index >= 0 and (
            self.tokens[index].lower in {"not", "never", "always", "also", "still", "now"}
            or self.tokens[index].lower.endswith("ly")
        ):
            index -= 1
        if index < 0:
            return False
        token = self.tokens[index]
        if token.lower in PASSIVE:
            return True
        # "he’s", "they’re", "isn’t"; not "Clinton's" (a possessive as often as a clitic)
        return contracted(token) and (
            word_base(token) in SUBJECT_PRONOUNS | {"who", "that", "what", "is", "are", "was"}
            or token.lower.endswith(("n't", "n’t"))
        )

    def word_before_adverbs(self, first: int) -> Token | None:
        """The word before the cue at `first`, past adverbs: "were" in "were quickly derided"."""
        index = first - 1
        while index >= 0 and (
            self.tokens[index].tag in {"RB", "RBR", "RBS"}
            or self.tokens[index].lower in TIME_ADJECTIVES
        ):
            index -= 1
        return self.tokens[index] if index >= 0 else None

    def manner_adverb(self, token: Token) -> bool:
        """ "openly", "viciously": a lowercase adverb in "-ly" (the lexicon tags it RB)."""
        return token.lower.endswith("ly") and token.tag == "RB"

    def noun_modifier(self, token: Token) -> bool:
        """An adjective or participle before a noun cue: "repeated", "controversial", "own"."""
        tag = token.tag
        return token.text[0].islower() and (
            tag in {"JJ", "JJR", "JJS", "VBN", "VBG"} or token.lower == "own"
        )

    def skip_auxiliaries_left(self, index: int) -> int:
        """Index just after the subject: "Kerry has also said" -> the index of "has"."""
        while index > 0 and (
            self.tokens[index - 1].lower in AUXILIARIES
            or negation(self.tokens[index - 1])
            or self.manner_adverb(self.tokens[index - 1])
        ):
            index -= 1
        return index

    def verb_group_start(self, first: int) -> int:
        """The cue's whole verb group: "has also said", "would not have said", "has openly
        opposed" (PolNeAR marks the manner adverb as part of the cue)."""
        while first > 0 and (
            self.tokens[first - 1].lower in VERB_GROUP
            or negation(self.tokens[first - 1])
            or self.manner_adverb(self.tokens[first - 1])
        ):
            first -= 1
        return first

    # --- clauses ----------------------------------------------------------------------------

    def looks_like_clause(self, tokens: list[Token]) -> bool:
        """Whether words after a cue read as a clause ("no deal was near", "she took the bus"),
        not an object ("shelling"): a subject pronoun first, or a finite verb among the first words
        by the Pattern part-of-speech lexicon that ships with TextBlob."""
        head = []
        for token in tokens[:12]:
            if token.lower == "that" or token.lower in self.cues.cues:
                break  # "reported shelling amid claims ... that the road was closed"
            head.append(token)
        if not head:
            return False
        if word_base(head[0]) in SUBJECT_PRONOUNS or any(
            t.lower in FINITE or contracted(t) for t in head
        ):
            return True
        return any(t.tag in FINITE_TAGS for t in head[1:])

    def clause_before(self, speaker: Span) -> bool:
        """Whether a clause, or a quotation from the sentence before, precedes the speaker:
        "Talks stalled, he said", not "On Tuesday, he said" or "Doe, who chairs it, said"."""
        before = [t for t in self.tokens if t.end <= speaker.start]
        clause = [
            t
            for segment in split_segments(before)
            if segment and segment[0].lower not in RELATIVES
            for t in segment
        ]
        return any(
            self.finite_verb(t) or clitic_verb(t) or t.text in CLOSING_QUOTES for t in clause
        ) or (not before and self.prior_quote() is not None)

    def clause_ends_at(self, comma: int) -> bool:
        """Whether the words before a comma are a clause with its own verb ("He urged X,"), not
        a subject's aside ("Lee, who has condemned the fire,") or apposition."""
        start = comma
        while start > 0 and not is_boundary_punct(self.tokens[start - 1]):
            start -= 1
        for token in self.tokens[start:comma]:
            if token.lower in RELATIVES or token.lower == "that" or self.quoted(token.start):
                return False
            if token is not self.tokens[start] and self.coordinated_verb(token):
                return True
        return False

    def region_before(self, end: int) -> list[Token]:
        """Tokens between the start of the clause and `end`.

        A parenthetical right before the verb (", who ... ,", "– a coalition that ... –") is
        passed over whole, so a "that" or "who" inside it does not end the search for the subject.
        """
        if (
            end > 1
            and self.tokens[end - 2].text == ","
            and self.tokens[end - 1].text in CLOSING_QUOTES
            and self.embedded_quote_start(end - 1) is not None
        ):
            # 'Roe, who calls it a “scam,” said': the comma closes the aside, not the quotation
            end -= 1
        start = end
        while start > 0 and is_boundary_punct(self.tokens[start - 1]):
            closing = self.tokens[start - 1].text
            opening = "(" if closing == ")" else closing
            match = next(
                (i for i in range(start - 2, -1, -1) if self.tokens[i].text == opening), None
            )
            if match is None or self.inside_statement(self.tokens[match].start):
                break
            start = match
        while start > 0:
            token = self.tokens[start - 1]
            if token.text in ";:" or token.lower in CLAUSE_OPENERS:
                break
            if token.text in CLOSING_QUOTES and self.quote_at(token.start) is not None:
                break
            if self.inside_statement(token.start):
                break
            start -= 1
        return self.tokens[start:end]

    def dateline_end(self) -> int:
        """The index after "PARIS, Aug 31 (Reuters) -" or "WASHINGTON —", else 0."""
        dash = next((i for i, t in enumerate(self.tokens[:12]) if t.text in DATELINE_DASHES), None)
        if dash is not None and all(
            t.text[0].isupper() or t.text[0].isdigit() or is_punct(t) for t in self.tokens[:dash]
        ):
            return dash + 1
        return 0

    def main_clause_start(self, before: int) -> int:
        """Where the main clause starts: after "PARIS, Aug 31 (Reuters) -" and after a clause that
        a subordinator opens, up to its comma ("When Maddow pointed it out, Clinton said")."""
        start = self.dateline_end()
        while start < before and self.tokens[start].lower in LEADING_ADVERBS:
            start += 1
        if start < before and self.tokens[start].lower in SUBORDINATORS:
            comma = next(
                (
                    i
                    for i in range(start + 1, before)
                    if self.tokens[i].text == "," and not self.inner_quoted(i)
                ),
                None,
            )
            if comma is not None:
                start = comma + 1
        return start

    def is_objectless(self, tokens: list[Token]) -> bool:
        return all(
            t.lower in TIME_WORDS or t.lower in PREPOSITIONS or t.text == "," for t in tokens
        )

    def only_connectives(self, span: Span) -> bool:
        """Whether a span holds only sentence connectives: "And", "But still"."""
        words = re.findall(r"[\w'’]+", span.text(self.text).lower())
        return all(w in LEADING_ADVERBS for w in words)

    def more_than_adverbial(self, span: Span) -> bool:
        """Whether a stretch says something: not just "Still" or "Sooner or later"."""
        words = [t for t in self.tokens if span.start <= t.start < span.end and not is_punct(t)]
        return len(words) > 3 or any(self.verbish(t) for t in words)

    # --- the statements found so far, and a new one -----------------------------------------

    def inside_statement(self, offset: int) -> bool:
        """Whether `offset` is in a cue, or a speaker that no participle shares, of this sentence."""
        # a participle's speaker is shared with the main clause: "After thanking the crowd, she
        # said ...", "Mr. Biden, recalling ..., described"; after "According to" it is not
        return any(
            (s.cue is not None and s.cue.start <= offset < s.cue.end)
            or (within(s.speaker, offset) and not self.participle_statement(s))
            for s in self.found
        )

    def participle_statement(self, statement: Statement) -> bool:
        cue = statement.cue
        return cue is not None and cue.text(self.text).endswith("ing")

    def previous_statement(self) -> Statement | None:
        """The statement a participle continues: the latest of this sentence not inside another's
        content, else the paragraph's statement before."""
        # the latest statement not inside another's content: in "X repeated his accusations
        # against Y, calling ...", the participle continues X's statement, not "his accusations"
        for statement in reversed(self.found):
            cue = statement.cue
            if cue is None or not any(
                other is not statement and any(overlaps(cue, c) for c in other.content)
                for other in self.found
            ):
                return statement
        if self.found:
            return self.found[-1]
        if self.earlier and self.earlier[-1].paragraph == self.paragraph:
            return self.earlier[-1]
        return None

    def continues_statement(self, first: int) -> bool:
        """Whether the cue at `first` follows straight on from a statement's speaker (", according to")."""
        if not self.found or first == 0:
            return False
        previous = self.found[-1]
        comma = self.tokens[first - 1]
        anchors = [s for s in (previous.speaker, previous.cue) if s is not None]
        return comma.text == "," and any(0 <= comma.start - s.end <= 1 for s in anchors)

    def statement(
        self,
        cue: Cue,
        first: int,
        last: int,
        speaker: Span | None,
        content: list[Span],
        description: Span | None = None,
        refers_to: Span | None = None,
        *,
        rule: str,
    ) -> Statement | None:
        """The statement of the cue over tokens `first` to `last`, its verb group and a colon
        after it joined to the cue; None when no content is left, or the speaker overlaps it."""
        # a content is more than a lone complementizer ("that", "whether") left by a misreading
        content = [c for c in content if not c.empty and c.text(self.text).lower() not in BARE]
        if not content:
            return None
        if cue.kind == "verb":
            first = self.verb_group_start(first)
        if last + 1 < len(self.tokens) and self.tokens[last + 1].text == ":":
            last += 1  # "said: ...": the colon belongs to the cue, as PolNeAR marks it
        cue_span = Span(self.tokens[first].start, self.tokens[last].end)
        if speaker is not None and any(overlaps(speaker, c) for c in content):
            return None
        return Statement(
            kind=statement_kind(self.text, content, quotes_near(self.quotes, content)),
            speaker=speaker,
            cue=cue_span,
            content=content,
            paragraph=self.paragraph,
            cue_lemma=cue.lemma,
            verb_class=cue.verb_class,
            description=description,
            refers_to=refers_to,
            negated=any(negation(t) for t in self.tokens[first : last + 1]),
            rule=rule,
        )
