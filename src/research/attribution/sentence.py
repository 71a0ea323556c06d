"""The attribution rules for one sentence: for each cue, where the speaker and the content are."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import takewhile

from research.attribution.statement import (
    Statement,
    _first_starting_at,
    _last_ending_by,
    _overlaps,
    _quotes_near,
    _within,
    statement_kind,
)
from research.attribution.words import (
    _ACRONYM,
    _ADDRESSEE_VERBS,
    _ADDRESSEES,
    _AMOUNT_WORDS,
    _AUXILIARIES,
    _BARE,
    _CLAUSE_BREAKS,
    _CLAUSE_LEMMAS,
    _CLAUSE_OPENERS,
    _COMPLEMENT_PREPOSITIONS,
    _CONTINUATION_LEMMAS,
    _CONTROL_VERBS,
    _COUNT,
    _CURRENCY_SIGNS,
    _DATELINE_DASHES,
    _DOCUMENT_NOUNS,
    _FINITE,
    _FINITE_TAGS,
    _FLOATING,
    _HOLDING_PARTICIPLES,
    _INQUIRY_NOUNS,
    _ISSUING_VERBS,
    _LEADING_ADVERBS,
    _NEGATIONS,
    _NO_PASSIVE_OBJECT,
    _NOT_NOUNS,
    _NOUN_CUE_LINKS,
    _NOUN_FOLLOWERS,
    _NOUN_MARKERS,
    _NUMBER_WORDS,
    _OBJECT_DETERMINERS,
    _OBJECT_PARTICLES,
    _PARTICIPLE_LINKS,
    _PARTICLES,
    _PASSIVE,
    _PERSONAL_PRONOUNS,
    _POSSESSIVE_PRONOUNS,
    _PREPOSITIONS,
    _QUANTIFIER_PRONOUNS,
    _QUESTION_WORDS,
    _RECEIVING_VERBS,
    _RELATIVES,
    _SAYING_NOUNS,
    _SCENE_PREPOSITIONS,
    _SCENE_WORDS,
    _SEMI_MODALS,
    _SPEAKER_DETERMINERS,
    _STANCE_NOUNS,
    _SUBJECT_PRONOUNS,
    _SUBORDINATORS,
    _TIME_ADJECTIVES,
    _TIME_WORDS,
    _VERB_GROUP,
    _VERB_TAGS,
    _VIEW_LEMMAS,
    CLOSING_QUOTES,
    OPENING_QUOTES,
    Token,
    _adverbial,
    _apposition,
    _approximate_number,
    _base,
    _before_complement,
    _clitic_verb,
    _complementizer,
    _contracted,
    _dateline,
    _document_head,
    _introductory,
    _is_boundary_punct,
    _is_punct,
    _modifier,
    _name_like,
    _negation,
    _past_time_phrase,
    _pronoun_clitic,
    _relative_length,
    _relative_opener,
    _segments,
    _trim_content,
    _without_time,
    tokenize,
)
from research.lexicons import Cue, CueLexicon
from research.schema import Span

_MAX_SPEAKER_TOKENS = 25
_MAX_BACKWARD_TAIL = 5  # "the UN said earlier this week," : a tail this short holds no content


# Part-of-speech tags of a word that opens a noun phrase: "the", "his", "new", "plans".
_OBJECT_OPENERS = {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "CD"}
_EMBEDDED_QUOTE = 40  # characters; a longer quotation before a verb is what the verb reports


# --- one sentence ---------------------------------------------------------------------------------


class _SentenceReader:
    """Applies the attribution rules to the cues of one sentence."""

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
        self.quotes = quotes  # as find_quotes gives them: sorted, not overlapping
        self.cues = cues
        self.earlier = earlier
        self.tags = tags
        self.tokens = tokenize(text, sentence)
        self.found: list[Statement] = []

    def read(self) -> list[Statement]:
        in_document = self._in_document()
        if in_document is not None:
            self.found.append(in_document)
        for first, last, readings in self._cues():
            start = self.tokens[first].start
            if any(_within(s.cue, start) or _within(s.speaker, start) for s in self.found):
                # "issued a statement saying": the participle is in the noun's cue; "said the
                # manager known as Sam": the participle is in the speaker's name
                continue
            for cue in readings:  # "claims" is a noun cue or a verb: the first reading that fits
                statement = self._attribute(first, last, cue)
                if statement is not None:
                    self.found.append(statement)
                    break
        return self.found

    def _in_document(self) -> Statement | None:
        """ "Ruiz leads by 12 points in the county-wide poll", "In the latest polls, he
        trails": the poll is the source, "in" the cue, the clause around it the content."""
        for index, token in enumerate(self.tokens):
            if token.lower != "in" or 0 < index < 3:
                continue
            words = self._document_phrase(index + 1)
            if not words or [t.lower for t in words] == ["the", "polls"]:  # "leads in the polls"
                continue
            noun = Span(words[0].start, words[-1].end)
            after = index + 1 + len(words)
            if index == 0:
                # fronted: "In the latest Courier survey, the mayor trails by four."
                after = self._comma_after_participle(after)
                if after >= len(self.tokens) - 1 or self.tokens[after].text != ",":
                    continue
                noun = Span(noun.start, self.tokens[after - 1].end)  # "a poll released Sunday"
                end = self.tokens[-1]
                content = [_trim_content(self.text, Span(self.tokens[after + 1].start, end.end))]
            else:
                rest = [t for t in self.tokens[after:] if not _is_punct(t)]
                if len(rest) > 8 or any(t.lower in _FINITE | _CLAUSE_OPENERS for t in rest):
                    continue  # "in the poll released Wednesday": a short tail, no new clause
                content = self._backward_content(token.start)
            if not content or any(self._readings_in(content[0])):
                return None
            return Statement(
                kind=statement_kind(self.text, content, _quotes_near(self.quotes, content)),
                speaker=noun,
                cue=Span(token.start, token.end),
                content=content,
                paragraph=self.paragraph,
                cue_lemma="in",
                verb_class="neutral",
            )
        return None

    def _comma_after_participle(self, index: int) -> int:
        """The comma that ends a short participle phrase from token `index` ("released Sunday,"
        in "In a poll released Sunday, ..."), or `index` itself when there is none."""
        if index >= len(self.tokens) or self.tags.get(self.tokens[index].lower) != "VBN":
            return index
        for i in range(index + 1, min(index + 5, len(self.tokens))):
            if self.tokens[i].text == ",":
                return i
            if _is_punct(self.tokens[i]) or self._finite_verb(self.tokens[i]):
                break
        return index

    def _document_phrase(self, index: int) -> list[Token]:
        """ "the latest Harlow/Courier survey": a noun phrase of at most ten words from
        token `index` that names a document, up to a comma or a clause; else empty."""
        words: list[Token] = []
        for token in self.tokens[index : index + 11]:
            if token.text in ",;:.()" or token.lower in _CLAUSE_OPENERS | _RELATIVES:
                break
            if self._finite_verb(token):
                break
            words.append(token)
        while words and not _document_head(words[-1]):
            words.pop()  # "the poll released Wednesday" ends at "poll"
        # "the poll", or an owner's: "Monday's Post-ABC poll"
        owned = len(words) > 1 and words[0].lower.endswith(("'s", "’s"))
        if not words or (words[0].lower not in _NOUN_MARKERS and not owned) or len(words) > 10:
            return []
        return words

    def _readings_in(self, span: Span) -> list[Token]:
        """The cue words inside a span: a clause with its own cue is not sourced by "in"."""
        return [
            t for t in self.tokens if span.start <= t.start < span.end and t.lower in self.cues.cues
        ]

    # cues ---------------------------------------------------------------------------------------

    def _cues(self) -> list[tuple[int, int, tuple[Cue, ...]]]:
        """(first token, last token, readings) for each cue outside quotations, longest first."""
        found = []
        position = 0
        words = [t.lower for t in self.tokens]
        first_words = self.cues.first_words
        while position < len(words):
            longest = first_words.get(words[position], 0)
            match = None
            for size in range(min(longest, len(words) - position), 0, -1):
                readings = self.cues.cues.get(" ".join(words[position : position + size]))
                if readings and not self._quoted(self.tokens[position].start):
                    match = (position, position + size - 1, readings)
                    break
            if match is None:
                position += 1
            else:
                found.append(match)
                position = match[1] + 1
        return found

    def _quoted(self, offset: int) -> bool:
        # only the last quotation opening before `offset` can hold it (they do not overlap)
        index = _first_starting_at(self.quotes, offset) - 1
        return index >= 0 and offset < self.quotes[index].end

    def _inner_quoted(self, index: int) -> bool:
        """Quoted and not the last mark before the closing quote ('as “Medicare for all,” she')."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        closes = following is not None and following.text in CLOSING_QUOTES
        return self._quoted(self.tokens[index].start) and not closes

    def _quote_at(self, offset: int) -> Span | None:
        index = _first_starting_at(self.quotes, offset + 1) - 1
        return self.quotes[index] if index >= 0 and offset < self.quotes[index].end else None

    # rules --------------------------------------------------------------------------------------

    def _attribute(self, first: int, last: int, cue: Cue) -> Statement | None:
        if self._in_name(first):
            return None  # "The Drudge Report", "Planned Parenthood", "his spokeswoman, Hope Hicks"
        if cue.kind == "according_to":
            return self._according_to(first, last, cue)
        if cue.kind == "noun":
            return self._noun_cue(first, last, cue)
        if cue.kind == "adverb":
            return self._adverb_cue(first, last, cue)
        if cue.kind == "non_response":
            # "declined to comment": a refusal is an attribution of its verb, what was refused
            # its content (as PolNeAR codes it)
            # its verb may follow an auxiliary: "did not respond to a request for comment"
            for index in range(first, last + 1):
                readings = self.cues.cues.get(self.tokens[index].lower, ())
                verb = next((c for c in readings if c.kind == "verb"), None)
                if verb is not None:
                    return self._attribute(index, index, verb)
            return None
        if cue.kind != "verb":
            return None
        perceived = cue.verb_class == "perception" and self._participle_only(cue)
        # "is known for her candor" reports a reputation, which PolNeAR marks like "known as"
        reputed = perceived and last + 1 < len(self.tokens) and self.tokens[last + 1].lower == "for"
        if (cue.lemma in _VIEW_LEMMAS or perceived) and not (
            reputed or self._as_complement(last + 1)
        ):
            return None  # "saw the crowd", "a well-known figure": sight or fame, no view reported
        before = self.tokens[first - 1] if first > 0 else None
        progressive = self._progressive(first)
        if before is not None and (
            (before.lower in _NOUN_MARKERS and not self._quantifier_subject(before, cue))
            or (before.lower.endswith(("'s", "’s")) and not progressive)
        ):
            return None  # "Clinton's plans", "the claims": a noun, not the verb
        if before is not None and self._noun_homograph(before, cue):
            return None  # "a radio show", "the AP report", "new plans", "in favor of": a noun
        if self._noun_by_neighbours(first, last, cue):
            return None  # "drew support from", "support among voters": a noun
        if (
            before is not None
            and before.lower in _PREPOSITIONS - {"to"}
            and cue.form.endswith("ed")
            and cue.verb_class != "distancing"
        ):
            return None  # "a tally of pledged delegates": a participle before a noun, no report
        if before is not None and _COUNT.fullmatch(before.text) and cue.form.endswith("ed"):
            return None  # "leads by 271 pledged delegates": a count, then a modifier
        if before is not None and before.lower == "to" and not cue.form.endswith("ing"):
            # "Okafor tried to defend the levy": the subject of "tried" is the source; but
            # "a metaphor to describe": an infinitive, nothing reported yet
            control = first - 2
            if control > 0 and self.tokens[control].lower == "on":
                control -= 1  # "went on to explain"
            while control > 0 and _negation(self.tokens[control]):
                control -= 1  # "chose not to respond"
            if control < 0 or not self._controls(control):
                return self._infinitive_report(first, last, cue)
            return self._verb(control, last, cue, self._skip_auxiliaries_left(control))
        if cue.form == "asked" and (
            first == 0 or (before is not None and before.lower in {"when", "if"} | _PASSIVE)
        ):
            # "Asked about Sullivan, Feinstein said ...", "Ruiz was asked whether ..."
            return self._asked(first, last, cue)
        following = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        auxiliary = self._word_before_adverbs(first)  # "were quickly derided by"
        reduced_relative = (
            following is not None
            and following.lower == "by"
            and cue.form.endswith("ed")
            and (auxiliary is None or auxiliary.lower not in _PASSIVE | _VERB_GROUP)
        )
        if reduced_relative or (cue.form.endswith("ed") and self._modifies_subject(first, last)):
            return None  # "the corridor deal supported by both sides": a participle, not a report
        if following is not None and following.lower in _PARTICLES:
            return None  # "showed up", "called off": a phrasal verb, not a report
        if (
            following is not None
            and self.tags.get(cue.form) in {"NN", "NNS"}
            and following.text[0].islower()
            and self._finite_verb(following)
            and not _pronoun_clitic(following)
        ):
            return None  # "the congressional report said": the noun heads the next verb's subject
        if cue.lemma == "compare" and following is not None and following.lower in {"with", "to"}:
            return None  # "31 percent, compared with 40 percent": figures side by side
        if cue.form == "called" and self._naming(first):
            return None  # "a group called Free Voters": a name given, not a statement
        if cue.form.split()[0].endswith("ing") and not progressive:
            if before is not None and (
                before.text in {",", "–", "—", "--", "―", "-"}  # also "on the spot – saying"
                or before.text in CLOSING_QUOTES
                or before.lower in _PARTICIPLE_LINKS
            ):
                return self._participial(first, last, cue)
            noun_phrase = self._noun_participle(first, last, cue)
            if noun_phrase is None and cue.lemma in _HOLDING_PARTICIPLES:
                return self._reduced_relative(first, last, cue)
            return noun_phrase
        if first == 0 and self.tokens[0].text[0].isupper() and cue.lemma == "say":
            return self._fronted(first, last, cue)  # "Said Lena Reyes, who runs the diner, “...”"
        subject_end = self._skip_auxiliaries_left(first)
        auxiliaries = {t.lower for t in self.tokens[subject_end:first]}
        passive = not cue.form.split()[0].endswith("ing") and bool(auxiliaries & _PASSIVE)
        if self._participle_only(cue) and not auxiliaries & _SEMI_MODALS:
            passive = True  # "a group known as ...", "the letter, written by ...": no tense here
        if cue.verb_class == "raising" and self._infinitive_cue(last + 1):
            return None  # "Cruz seemed to mock the plan": the subject is the source of "mock"
        if passive or cue.verb_class == "raising":
            return self._unnamed(first, last, cue, subject_end)
        return self._verb(first, last, cue, subject_end)

    def _word_before_adverbs(self, first: int) -> Token | None:
        """The word before the cue at `first`, past adverbs: "were" in "were quickly derided"."""
        index = first - 1
        while index >= 0 and (
            self.tags.get(self.tokens[index].lower) in {"RB", "RBR", "RBS"}
            or self.tokens[index].lower in _TIME_ADJECTIVES
        ):
            index -= 1
        return self.tokens[index] if index >= 0 else None

    def _infinitive_cue(self, index: int) -> bool:
        """ "to mock", "to blame": an infinitive whose verb is itself a cue."""
        tokens = self.tokens[index : index + 2]
        return (
            len(tokens) == 2
            and tokens[0].lower == "to"
            and any(c.kind == "verb" for c in self.cues.cues.get(tokens[1].lower, ()))
        )

    def _participle_only(self, cue: Cue) -> bool:
        """Whether a cue form is a past participle and never a past tense ("known", "seen",
        "written"; not "said" or "criticized"): without "have" it is passive."""
        return self.tags.get(cue.form) == "VBN" and not cue.form.endswith("ed")

    def _as_complement(self, index: int) -> bool:
        """Whether "that" follows token `index - 1`, or "as" within a short object: "saw that",
        "sees the race as", "seen as"; or a verb, past an object moved before it: "the one
        danger he sees is ..."."""
        if index < len(self.tokens) and self.tokens[index].lower in _FINITE | {"that"}:
            return True
        for token in self.tokens[index : index + 10]:
            if token.lower == "as":
                return True
            if _is_punct(token) or self._finite_verb(token):
                return False  # "saw the crowd, ...", "see that it was": the object ended
        return False

    def _modifies_subject(self, first: int, last: int) -> bool:
        """Whether a participle cue right after a noun is part of the subject of the verb that
        follows it, past a time or a named agent: "A poll released Sunday found ...", "emails
        released this week by Judicial Watch showed ..."."""
        before = self.tokens[first - 1] if first > 0 else None
        if before is None or self.tags.get(before.lower, "NN") not in {"NN", "NNS", "NNP"}:
            return False
        if before.lower in _SUBJECT_PRONOUNS | _TIME_WORDS:
            return False
        for token in self.tokens[last + 1 : last + 10]:
            if _is_punct(token):
                return False
            if self._finite_verb(token):
                return token.lower not in _AUXILIARIES  # "released Sunday found", not "... is"
            if token.lower not in _TIME_WORDS | {"on", "by"} and not token.text[0].isupper():
                return False  # an object: "released a statement", "published the memo"
        return False

    def _controls(self, index: int) -> bool:
        """Whether the word at `index`, before an infinitive cue, shares its subject with it: a
        verb ("voted to endorse", "chose not to respond"), "has yet to", or an adjective after a
        form of "be" ("was reluctant to endorse"); not a noun ("a metaphor to describe"), a
        passive ("were used to decide"), a modal ("have to decide") or a cue of its own ("wants
        to", "seemed to"), which reports the infinitive itself."""
        token = self.tokens[index]
        if token.lower in _CONTROL_VERBS or token.lower == "yet":
            return True
        if not token.text[0].islower() or token.lower in _PASSIVE | _SEMI_MODALS:
            return False
        if token.lower in self.cues.cues:
            return False
        tag = self.tags.get(token.lower, "")
        after_be = index > 0 and self.tokens[index - 1].lower in _PASSIVE
        if tag in {"JJ", "VBN"}:
            return tag == "JJ" and after_be
        return tag.startswith("VB")

    def _in_name(self, first: int) -> bool:
        """Whether a cue word capitalized inside a sentence, next to another capitalized word, is
        part of a name ("the Cook Political Report"), in a sentence not written in title case."""
        token = self.tokens[first]
        if first == 0 or not token.text[0].isupper() or token.text.isupper():
            return False
        neighbours = self.tokens[first - 1 : first] + self.tokens[first + 1 : first + 2]
        if not any(t.text[0].isupper() and t.text[0].isalpha() for t in neighbours):
            return False
        return sum(t.text.islower() and len(t.text) > 3 for t in self.tokens) >= 3

    def _noun_homograph(self, before: Token, cue: Cue) -> bool:
        """Whether a cue that the tag lexicon reads first as a noun ("report", "show", "plans")
        is that noun: after an adjective ("a scathing report", "their own plans") or a
        preposition ("in favor of", "for fear of"); and, in its base form, after a singular noun
        or an acronym ("a radio show", "the AP report"), where a verb would agree ("AP reports")."""
        tag = self.tags.get(cue.form)
        if tag not in {"NN", "NNS"}:
            return False
        if before.lower in _PREPOSITIONS - {"to"}:
            return True
        before_tag = self.tags.get(before.lower) if before.text.islower() else None
        adjective = before_tag in {"JJ", "JJR", "JJS"}  # "a scathing report", "less support"
        if adjective and before.lower not in _QUANTIFIER_PRONOUNS | {"more", "fewer"}:
            return True
        return tag == "NN" and (before_tag == "NN" or _ACRONYM.fullmatch(before.text) is not None)

    def _noun_by_neighbours(self, first: int, last: int, cue: Cue) -> bool:
        """Whether a cue that is also a singular noun ("support", "report", "hope") is that noun by
        its neighbours: the object of a verb before it ("drew support", "lost hope"), or followed
        by what no verb takes next ("support among voters", "the support is", "Latino support,").
        A plural ("plans") is a noun before a verb: "the tax plans would cost"."""
        following = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        if (
            first == last
            and self.tags.get(cue.form) == "NNS"
            and following is not None
            and self._finite_verb(following)
            and not _pronoun_clitic(following)
        ):
            return True
        if first != last or self.tags.get(cue.form) != "NN":
            return False
        before = self.tokens[first - 1] if first > 0 else None
        if (
            before is not None
            and before.text[0].islower()
            and self.tags.get(before.lower, "").startswith("VB")
            and before.lower not in _AUXILIARIES | _VERB_GROUP | _FINITE
            and not _negation(before)
        ):
            return True
        if not cue.takes_that and (
            following is None or _is_boundary_punct(following) or following.text == "."
        ):
            # "with tepid Latino support, he faces": the verb would take an object, having no
            # clause before it to report ("..., records show" does)
            return True
        return following is not None and following.lower in _NOUN_FOLLOWERS

    def _infinitive_report(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "were more likely to say the levy ...", "went online to say that ...", "led
        farmers to say that ...": an infinitive "to say" with a clause, "that", a colon or a
        quotation after it reports for the main verb's subject, or for its object when a noun
        phrase stands between them."""
        tail = self.tokens[last + 1 :]
        if (
            not tail
            or cue.lemma != "say"
            or not (
                tail[0].lower == "that"
                or tail[0].text in {":"} | OPENING_QUOTES
                or self._quote_follows(last + 1)
                or self._looks_like_clause(tail[:6])
            )
        ):
            return None
        verb = next(
            (
                i
                for i in range(first - 2, max(first - 10, -1), -1)
                if _is_punct(self.tokens[i])
                or self._finite_verb(self.tokens[i])
                or _clitic_verb(self.tokens[i])
            ),
            None,
        )
        subject_end = self._skip_auxiliaries_left(verb) if verb is not None else 0
        if (
            verb is None
            or _is_punct(self.tokens[verb])
            or _contracted(self.tokens[verb])
            or (subject_end > 0 and self.tokens[subject_end - 1].lower in {"it", "there"})
        ):
            return None  # "it is hard to say", "it's safe to say": no one says it
        between = self.tokens[verb + 1 : first - 1]
        if between and (
            between[0].text[0].isupper()
            or between[0].lower in _NOUN_MARKERS
            or self.tags.get(between[0].lower) in {"NN", "NNS"}
        ):
            # "led farmers to say": the object speaks
            speaker = self._np(between)
            content = self._forward_content(last + 1, cue, relative=False)
            return None if speaker is None else self._make(cue, first - 1, last, speaker, content)
        return self._verb(verb, last, cue, subject_end)

    def _quantifier_subject(self, before: Token, cue: Cue) -> bool:
        """ "Some said ...": a quantifier before a cue that is only a verb is its subject; before
        a noun reading it is a determiner ("some claims")."""
        return before.lower in _QUANTIFIER_PRONOUNS and self.tags.get(cue.form, "")[:2] == "VB"

    def _noun_participle(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "with 30 percent saying they would not", "a sign saying “...”": the noun phrase right
        before a participle cue is its speaker when a clause, "that" or a quotation follows, or
        after "with" ("with the mayor calling the levy a tax") any complement."""
        tail = self.tokens[last + 1 :]
        if not tail or (_is_punct(tail[0]) and not self._quote_follows(last + 1)):
            return None
        reported = (
            tail[0].lower == "that"
            or tail[0].text in OPENING_QUOTES
            or self._quote_follows(last + 1)
            or (_base(tail[0]) in _SUBJECT_PRONOUNS and self._looks_like_clause(tail))
            # "a statement saying the roads would reopen"; not "farmers backing the levy have"
            or (cue.verb_class == "neutral" and self._looks_like_clause(tail[:8]))
        )
        start = first
        while start > 0 and first - start < 8:
            word = self.tokens[start - 1]
            if (
                (_is_punct(word) and word.text != "%")
                or word.lower in _CLAUSE_OPENERS | _RELATIVES | {"with"}
                or self._verbish(word)
                or (word.lower in _PREPOSITIONS and word.lower not in {"of", "to"})
            ):
                break
            start -= 1
        phrase = self.tokens[start:first]
        if not phrase or all(t.lower in _TIME_WORDS or t.text.isdigit() for t in phrase):
            return None
        stop = self.tokens[start - 1] if start > 0 else None
        if not reported and (stop is None or stop.lower != "with"):
            return None  # only "with the mayor calling the levy a tax" takes an object as content
        if stop is not None and self._verbish(stop):
            # "issued a statement saying ...": the one who issued it speaks
            verb = self.tokens.index(stop)
            subject_end = self._skip_auxiliaries_left(verb)
            speaker, _, _ = self._speaker_before(self._region_before(subject_end), subject_end)
        elif stop is None or _is_punct(stop) or stop.lower == "with":
            speaker = self._np(phrase)  # "with 30 percent saying", "A sign saying"
        else:
            return None  # "upon saying", "in addition to stating": no noun phrase speaks
        if speaker is None:
            return None
        content = self._forward_content(last + 1, cue, relative=False)
        return self._make(cue, first, last, speaker, content)

    def _naming(self, first: int) -> bool:
        """ "a website called “...” that ...", "a group called the Free Voters said": "called"
        right after an indefinite noun phrase, before a name that nothing else follows (not "a
        senator called Trump a liar"), names something."""
        head = self.tokens[first - 1] if first > 0 else None
        if (
            head is None
            or not head.text[0].islower()
            or self.tags.get(head.lower, "NN") not in {"NN", "NNS"}
        ):
            return False
        for index in range(first - 2, max(first - 5, -1), -1):
            if self.tokens[index].lower in {"a", "an"}:
                break
            if _is_punct(self.tokens[index]) or self._verbish(self.tokens[index]):
                return False
        else:
            return False
        index = first + 1
        if index < len(self.tokens) and self.tokens[index].lower == "the":
            index += 1
        quote = self._quote_at(self.tokens[index].start) if index < len(self.tokens) else None
        if quote is not None:
            index = next(
                (i for i, t in enumerate(self.tokens) if t.start >= quote.end), len(self.tokens)
            )
        elif index < len(self.tokens) and self.tokens[index].text[0].isupper():
            while index < len(self.tokens) and self.tokens[index].text[0].isupper():
                index += 1
        else:
            return False
        if index >= len(self.tokens):
            return True
        after = self.tokens[index]
        return _is_punct(after) or after.lower in _RELATIVES | {"that"} or self._verbish(after)

    def _progressive(self, first: int) -> bool:
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
        if token.lower in _PASSIVE:
            return True
        # "he’s", "they’re", "isn’t"; not "Clinton's" (a possessive as often as a clitic)
        return _contracted(token) and (
            _base(token) in _SUBJECT_PRONOUNS | {"who", "that", "what", "is", "are", "was"}
            or token.lower.endswith(("n't", "n’t"))
        )

    def _asked(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "Asked by the Courier whether ..., Ruiz said", "Asked in Dayton recently about
        ...", "was asked, “...?”": the question is a statement of whoever asked (named after
        "by", else no one); it runs to the comma, or to the sentence's end after the main clause
        ("..., he said when asked about it.")."""
        tokens = self.tokens[last + 1 :]
        if len(tokens) > 1 and tokens[0].text in {",", ":"} and tokens[1].text in OPENING_QUOTES:
            quote = self._quote_at(tokens[1].start)
            return None if quote is None else self._make(cue, first, last, None, [quote])
        question = next(
            (
                i
                for i, t in enumerate(tokens[:12])
                if t.lower in _QUESTION_WORDS - {"to"} or _is_punct(t) or self._finite_verb(t)
            ),
            None,
        )
        if question is None or tokens[question].lower not in _QUESTION_WORDS:
            # "Asked to name ...": an infinitive right after the cue is the request
            if not tokens or tokens[0].lower != "to":
                return None
            question = 0
        # "asked by a reporter whether", not "asked at a lunch held by the Courier whether"
        agent = next((i for i in range(question) if tokens[i].lower not in _TIME_WORDS), question)
        by_agent = agent < question and tokens[agent].lower == "by"
        speaker = self._np(tokens[agent + 1 : question]) if by_agent else None
        comma = next((i for i in range(question, len(tokens)) if tokens[i].text == ","), None)
        if comma is None and first == 0:
            return None
        end = len(tokens) if comma is None else comma
        content = [_trim_content(self.text, Span(tokens[question].start, tokens[end - 1].end))]
        return self._make(cue, first, last, speaker, content)

    def _fronted(self, first: int, last: int, cue: Cue) -> Statement | None:
        speaker = self._noun_phrase_after(last + 1)
        opening = next(
            (
                i
                for i, t in enumerate(self.tokens)
                if t.text in OPENING_QUOTES and speaker and t.start > speaker.end
            ),
            None,
        )
        if speaker is None or opening is None:
            return None
        content = self._forward_content(opening, cue, relative=False)
        return self._make(cue, first, last, speaker, content)

    def _unnamed(self, first: int, last: int, cue: Cue, subject_end: int) -> Statement | None:
        """Attribution without a named source, or with the agent after "by":
        "X are said to ...", "it is expected that ...", "X seemed to ...", "X have been accused of
        ...", "X is viewed as ... by analysts". The subject joins the content, as annotators mark it."""
        following = self.tokens[last + 1 : last + 2]
        region = self._region_before(subject_end)
        subject, _, _ = self._speaker_before(region, subject_end)
        impersonal = subject is not None and subject.text(self.text).lower() in {"it", "there"}
        if not following or not (
            following[0].lower in {"to", "that", "of", "as", "for"}
            or (cue.verb_class == "raising" and self._raising_complement(last + 1, impersonal))
        ):
            if cue.verb_class == "raising" or subject is None or impersonal:
                return None
            return self._passive_object(last, cue, subject_end, subject)
        tokens = self.tokens[last + 1 :]
        # "is viewed as unlikely by analysts": the agent closes the clause, right after the complement
        agent = next(
            (
                i
                for i, t in enumerate(tokens[:7])
                if t.lower == "by" and i > 1 and not self._quoted(t.start)
            ),
            None,
        )
        speaker = self._noun_phrase_after(last + 1 + agent + 1) if agent is not None else None
        end = tokens[agent - 1].end if agent is not None else None
        if following[0].lower == "for" and cue.verb_class == "perception":
            last += 1  # "is known for her candor": "for" joins the cue, as "as" does
        rest = self._forward_content(last + 1, cue, relative=False)
        if not rest:
            return None
        if end is None and subject_end > 0 and self.tokens[subject_end - 1].text == ",":
            # "The group, known as the Harbor Caucus, met ...": an aside ends at its comma
            end = next((t.start for t in tokens[1:] if t.text == ","), None)
        if end is not None and end > rest[0].start:
            rest = [_trim_content(self.text, Span(rest[0].start, min(end, rest[0].end)))]
        if (
            following[0].lower == "as"
            and rest[0].start == following[0].start
            and len(tokens) > 1
            and cue.verb_class == "perception"
        ):
            # "is known as the Freedom Caucus": "as" joins the cue, as PolNeAR marks it (not so
            # after "viewed", "described": there "as" opens the content)
            last += 1
            rest = [Span(tokens[1].start, rest[0].end), *rest[1:]]
        content = rest if subject is None or impersonal else [subject, *rest]
        return self._make(cue, subject_end, last, speaker, content)

    def _passive_object(
        self, last: int, cue: Cue, subject_end: int, subject: Span
    ) -> Statement | None:
        """ "The deal was announced on Tuesday", "Cruz was endorsed by a rival": a passive with
        nothing reported after it has its object as subject, the content; the agent after "by"
        is the source. Not "he was told", "she was asked": their subject is the addressee."""
        if cue.lemma in _ADDRESSEE_VERBS | {"ask", "say"} or cue.verb_class in _NO_PASSIVE_OBJECT:
            return None
        tail = self._tail(last + 1)
        if tail and tail[0].lower == "by":
            speaker = self._noun_phrase_after(last + 2)
            if speaker is None:
                return None
        elif _adverbial(tail) and not self._infinitive(tail):
            speaker = None
        else:
            return None
        return self._make(cue, subject_end, last, speaker, [subject])

    def _raising_complement(self, index: int, impersonal: bool) -> bool:
        """What a raising verb reports besides an infinitive: an adjective or participle past
        adverbs ("seemed so stark", "appeared poised to", "seems like a turning point"), or after
        "it" a clause ("it seems the party has ..."); not a place ("appeared on television")."""
        tokens = self.tokens[index : index + 4]
        if impersonal and self._looks_like_clause(tokens):
            return True
        for token in tokens:
            tag = self.tags.get(token.lower, "") if token.text[0].islower() else ""
            if tag in {"RB", "RBR", "RBS"} and token.lower not in _TIME_WORDS:
                continue  # "so", "increasingly", "most"
            return token.lower == "like" or tag in {"JJ", "JJR", "JJS", "VBN"}
        return False

    def _verb(self, first: int, last: int, cue: Cue, subject_end: int) -> Statement | None:
        region = self._region_before(subject_end)
        tail = self._tail(last + 1)
        inverted = self._inverted_speaker(first, last, tail, cue)
        if inverted is not None:
            # "“...,” said Ryabkov" / "..., said Steven Taylor, a chairman ...": speaker after the verb
            content = self._backward_content(self.tokens[first].start)
            return self._make(cue, first, last, inverted, content)
        speaker, description, refers_to = self._speaker_before(region, subject_end)
        coordinated = self._coordinated_subject(subject_end)
        if coordinated is not None:
            speaker, description, refers_to = coordinated
        last_segment = _segments(region)[-1]
        if (
            speaker is None
            and subject_end > 0
            and self.tokens[subject_end - 1].lower in {"and", "but"}
            and (
                all(t.lower in {"and", "but"} for t in last_segment)
                or self._verbish(last_segment[0])
            )
        ):
            # "The spokesman declined ... but said ...", "He called it lawful, and then said
            # ...", "Dana Ruiz, a retired pilot, joined the board and said ..."
            speaker = self._sentence_subject(first)
        if speaker is None and cue.verb_class == "neutral":
            # '“...,” said Ortiz, who said ...': a further report by the speaker before
            speaker, refers_to = self._relative_after_speaker(region)
        owner = self._coordinated_owner(speaker, subject_end)
        if owner is not None:
            # "Ruiz posted a photo of the road and said ...": the photo is what was posted, not
            # who spoke; the coordinated verb shares the subject of the statement before it
            speaker, description, refers_to = owner.speaker, owner.description, owner.refers_to
        if speaker is None or self._counted_noun(speaker, last):
            return None
        speaker = self._relative_subject(self._without_clitic(speaker))
        relative = self._relative_speaker(region)
        # '“...,” he said.' takes the quotation before; but in '“...” He said he would ...' or
        # 'Asked on “Meet the Press,” he said he would ...' a clause follows: that is the content
        quoted_before = (
            self._quote_ends_before(speaker.start)
            and not self._quote_reported_before()
            and not (
                cue.lemma not in _ADDRESSEE_VERBS
                and not _adverbial(tail)
                and self._looks_like_clause(tail[:6])
                and not self._quote_opens_sentence(speaker.start)
            )
            # '... called Roe “unhinged.” Doe called the plan “a mess.”': the sentence before
            # ended with its own quotation; this one has an object of its own
            and not (speaker.start == self.tokens[0].start and self._object_follows(tail, cue))
        )
        forward = self._quote_follows(last + 1) or (
            self._forward_marker(tail, cue)
            and not (quoted_before and not self._that_follows(tail, cue))
        )
        quote = None if forward or relative or quoted_before else self._quote_after(last, tail, cue)
        if quote is not None:
            # "told the Courier, “...”", "said online, in reply to a critic, “...”"
            content = self._forward_content(quote, cue, relative=False)
            return self._make(cue, first, last, speaker, content, description, refers_to)
        scene = (
            None
            if forward or relative or quoted_before or not cue.takes_that
            else self._clause_after_scene(tail)
        )
        if scene is not None:
            # "said in a statement Friday they withdrew the offer": the clause after the scene
            content = self._forward_content(last + 1 + scene, cue, relative=False)
            return self._make(cue, first, last, speaker, content, description, refers_to)
        if _adverbial(tail) and self._after_as(region, speaker):
            as_index = self.tokens.index(region[0]) - 1
            if (
                as_index > 0
                and self.tokens[as_index - 1].text == ","
                # not "But, as we learned, ...": a leading connective is no clause
                and any(t.lower not in _LEADING_ADVERBS for t in self.tokens[: as_index - 1])
                and not self._quote_follows(last + 1)
            ):
                # "The deal collapsed, as Reuters reported": the content is the clause before;
                # but "..., as Roe put it, “...”" frames the quotation after
                content = self._backward_content(self.tokens[as_index].start)
            else:
                # "As Crane said, the two ... have become": the content follows the comma.
                content = self._forward_content(last + 1 + len(tail), cue, relative=False)
            return self._make(cue, first, last, speaker, content, description, refers_to)
        # "criticized Clinton during a rally", "did not answer calls from the Courier": an
        # attitude toward a thing, which PolNeAR annotates with the object as content
        thing = (
            None
            if forward or relative or quoted_before or not _adverbial(tail)
            else self._object(tail, cue)
        )
        after = last + 1 + len(tail)
        interrupted = (
            after + 1 < len(self.tokens)
            and self.tokens[after].text == ","
            and not quoted_before
            and self._looks_like_clause(self.tokens[after + 1 :])
        )
        backward = (
            thing is None
            and not relative
            and not forward
            and (
                quoted_before
                or (
                    # "Talks stalled, he said Friday"; but "Now, he says, 40 delegates have
                    # signed on": an attitude or a decree does not report the clause before it
                    (cue.takes_that or cue.takes_quote)
                    and _adverbial(tail)
                    and self._scene(tail, speaker)
                )
                or self._told_after(tail, cue, speaker)
            )
            and self._has_text_before(speaker)
        )
        if not backward:
            if thing is not None:
                if tail[0].lower in _PREPOSITIONS:
                    if len(tail) < 2 or tail[1].start >= thing.end:
                        return None  # "the change it warned about in its report": no object here
                    # "responded to the report": the preposition joins the cue, as PolNeAR marks it
                    thing = Span(tail[1].start, thing.end)
                    return self._make(
                        cue, first, last + 1, speaker, [thing], description, refers_to
                    )
                return self._make(cue, first, last, speaker, [thing], description, refers_to)
            if (
                not forward
                and not relative
                and _adverbial(tail)
                and not self._looks_like_clause(tail)
                and not self._predicate_after_aside(tail, after)
            ):
                that = self._complement_after_aside(after, cue)
                if that is None:
                    return None  # nothing said after the cue: "..., he said on Sunday."
                # "said, among other things, that ...": the clause after the aside
                content = self._forward_content(that, cue, relative=False)
                return self._make(cue, first, last, speaker, content, description, refers_to)
            if not forward and (
                (cue.lemma == "raise" and self._sum_of_money(tail))
                or (
                    cue.lemma in _CONTINUATION_LEMMAS | _CLAUSE_LEMMAS
                    and (self._infinitive(tail) or not self._looks_like_clause(tail))
                )
                or (
                    cue.lemma == "find"
                    and not self._looks_like_clause(tail)
                    and not self._document(speaker)
                )
            ):
                # "raised $4 million", "continued the inspection", "found a job": no statement
                return None
            # a clause ("said no deal was near") or an object ("criticized the deal"): PolNeAR
            # annotates both, since an attitude toward a thing is an attribution too
            segments = _segments(region)
            aside = (
                len(segments) > 1 and len(segments[-1]) == 1 and segments[-1][0].lower in _RELATIVES
            )
            content = self._forward_content(last + 1, cue, relative=relative, aside=aside)
            return self._make(cue, first, last, speaker, content, description, refers_to)
        content = self._backward_content(speaker.start, outermost=self._final_tag(speaker, after))
        complement = self._complement_after_aside(after, cue)
        if complement is not None and all(self._only_connectives(c) for c in content):
            # "And he refused, generally, to answer": a leading connective reports nothing
            return self._make(
                cue, first, last, speaker, self._forward_content(complement, cue, relative=False)
            )
        if interrupted:
            # "Even so, she said, the board must vote": the tag interrupts the content
            rest = self._forward_content(after + 1, cue, relative=False)
            content = [c for c in content if self._more_than_adverbial(c)] + rest
        return self._make(cue, first, last, speaker, content, description, refers_to)

    def _object_follows(self, tail: list[Token], cue: Cue) -> bool:
        """Whether a noun phrase opens the words after a cue: "called the plan ...", "cited a
        study"; not "said as he left", "said quietly", nor whom a question was put to."""
        if not tail or cue.lemma in _ADDRESSEE_VERBS | {"ask"} or _adverbial(tail):
            return False
        return tail[0].text[0].isupper() or self.tags.get(tail[0].lower) in _OBJECT_OPENERS

    def _final_tag(self, speaker: Span, after: int) -> bool:
        """Whether a tag after a comma ends the sentence ("The mayor said he would resign, the
        Tribune reported."): it reports the whole clause before it, statements included. After
        "While ...," or "Asked ...," the tag opens the main clause instead."""
        if self.tokens[0].lower in _SUBORDINATORS | {"asked"}:
            return False
        opening = self._index_after(speaker.start)
        if (
            opening is None
            or opening == 0
            or self.tokens[opening - 1].text not in {",", *CLOSING_QUOTES}
        ):
            return False
        return all(_is_punct(t) for t in self.tokens[after:])

    def _document(self, speaker: Span) -> bool:
        """Whether a speaker is a document or an inquiry ("the poll", "a study by Gallup"),
        which finds with an object ("the poll found Trump ahead"); a person finds a clause
        ("she found that ..."): with an object she finds a job or a voice."""
        words = [t.lower for t in self.tokens if speaker.start <= t.start < speaker.end]
        by = words.index("by") if "by" in words else len(words)  # "a study by Gallup"
        return any(w in _DOCUMENT_NOUNS | _INQUIRY_NOUNS for w in words[:by])

    def _coordinated_subject(
        self, subject_end: int
    ) -> tuple[Span, Span | None, Span | None] | None:
        """ "She greeted 2,000 supporters in Houston and told them ...": a cue right after "and"
        shares the subject of the verb it is coordinated with, the nearest verb before it, not the
        object in between; in a list ("summed up ..., denounced ... and said", "urged X,
        proposed Y") the first verb's."""
        index = subject_end - 1
        if index < 1 or not (
            self.tokens[index].lower in {"and", "but", "or", "nor"}
            or (self.tokens[index].text == "," and self._clause_ends_at(index))
        ):
            return None
        for _ in range(3):  # a list of verbs is short
            verb = next(
                (i for i in range(index - 1, -1, -1) if self._coordinated_verb(self.tokens[i])),
                None,
            )
            if verb is None:
                return None
            owner = next((s for s in self.found if _within(s.cue, self.tokens[verb].start)), None)
            if owner is not None and owner.speaker is not None:
                return owner.speaker, owner.description, owner.refers_to  # "She urged X, proposed"
            start = self._skip_auxiliaries_left(verb)
            speaker, description, refers_to = self._speaker_before(
                self._region_before(start), start
            )
            if speaker is not None:
                return speaker, description, refers_to
            while start > 0 and self.tokens[start - 1].text in CLOSING_QUOTES:
                start -= 1  # 'summed it up as “terrible,” denounced ...'
            if start == 0 or self.tokens[start - 1].lower not in {",", "and", "but"}:
                return None
            index = start - 1
        return None

    def _clause_ends_at(self, comma: int) -> bool:
        """Whether the words before a comma are a clause with its own verb ("He urged X,"), not
        a subject's aside ("Lee, who has condemned the fire,") or apposition."""
        start = comma
        while start > 0 and not _is_boundary_punct(self.tokens[start - 1]):
            start -= 1
        for token in self.tokens[start:comma]:
            if token.lower in _RELATIVES or token.lower == "that" or self._quoted(token.start):
                return False
            if token is not self.tokens[start] and self._coordinated_verb(token):
                return True
        return False

    def _coordinated_verb(self, token: Token) -> bool:
        """A verb that heads a predicate: finite, or a past form the lexicon tags as a participle
        ("Obama positioned"), though not one that modifies a noun ("the most qualified")."""
        if self._quoted(token.start):
            return False
        if self._finite_verb(token):
            return True
        index = self.tokens.index(token)
        before = self.tokens[index - 1] if index > 0 else None
        return (
            token.text[0].islower()
            and self.tags.get(token.lower) == "VBN"
            and before is not None
            and before.lower not in _NOUN_MARKERS
            and self.tags.get(before.lower) not in {"RB", "RBR", "RBS", "JJ", "DT"}
        )

    def _quote_after(self, last: int, tail: list[Token], cue: Cue) -> int | None:
        """The index of a quotation that follows the cue past its addressee or scene and a comma
        or two: "told the Courier, “...”", "said online, in reply to a critic, “...”"."""
        if not (_adverbial(tail) or (cue.lemma in _ADDRESSEE_VERBS and self._addressee(tail, cue))):
            return None
        index = last + 1 + len(tail)
        for _ in range(3):
            if index + 1 >= len(self.tokens) or self.tokens[index].text != ",":
                return None
            if self.tokens[index + 1].text in OPENING_QUOTES:
                return index + 1
            aside = self._tail(index + 1)
            if not aside or aside[0].lower not in _PREPOSITIONS or self._looks_like_clause(aside):
                return None
            index += 1 + len(aside)
        return None

    def _told_after(self, tail: list[Token], cue: Cue, speaker: Span) -> bool:
        """ "..., the county clerk told the council on Monday.": after a clause, an
        addressee verb with only its addressee and the scene reports what came before."""
        if cue.lemma not in _ADDRESSEE_VERBS or cue.verb_class != "neutral" or not tail:
            return False  # "promised voters ...", "warned Xi ...": what follows is the content
        addressee = list(takewhile(lambda t: t.lower not in _CLAUSE_OPENERS, tail))
        return (
            len(addressee) <= 8
            and not any(self._finite_verb(t) or _clitic_verb(t) for t in addressee)
            and self._clause_before(speaker)
        )

    def _predicate_after_aside(self, tail: list[Token], after: int) -> bool:
        """ "Officials say Tomas Ruiz, the farmer who ..., sold the plot": a name after the cue,
        an apposition set off by commas, then the name's verb; the clause is what was said."""
        if not tail or not tail[0].text[0].isupper() or tail[0].lower in _TIME_WORDS:
            return False
        index = after
        for _ in range(3):
            if index + 1 >= len(self.tokens) or self.tokens[index].text != ",":
                return False
            segment = self._tail(index + 1)
            word = self.tokens[index + 1]
            final = index + 1 + len(segment) >= len(self.tokens) - 1
            if (
                self._predicate_at(self.tokens, index + 1)
                or _clitic_verb(word)
                # "sold" may read as a participle, but in the clause's last segment it is the verb
                or (final and word.text[0].islower() and self.tags.get(word.lower) == "VBN")
            ):
                return True
            index += 1 + len(segment)
        return False

    def _only_connectives(self, span: Span) -> bool:
        """Whether a span holds only sentence connectives: "And", "But still"."""
        words = re.findall(r"[\w'’]+", span.text(self.text).lower())
        return all(w in _LEADING_ADVERBS for w in words)

    def _complement_after_aside(self, after: int, cue: Cue) -> int | None:
        """The "that" or infinitive opening the cue's complement after asides set off by commas:
        "said on the radio, where she hosts a show, that the levy ...", "said, among other
        things, that ...", "refused, again, to answer"."""
        index = after
        for _ in range(3):
            if index + 2 >= len(self.tokens) or self.tokens[index].text != ",":
                return None
            word, following = self.tokens[index + 1], self.tokens[index + 2]
            if (word.lower == "that" and cue.takes_that) or (
                word.lower == "to"
                and following.text[0].islower()
                and (
                    self.tags.get(following.lower, "").startswith("VB")
                    or following.lower in self.cues.cues
                )
            ):
                return index + 1
            index += 1 + len(self._tail(index + 1))
        return None

    def _counted_noun(self, speaker: Span, last: int) -> bool:
        """ "1,200 pledged votes", "5,000 views": a bare number before a cue form and a noun
        counts that noun; it is no poll's respondents ("42% say the levy is too high")."""
        following = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        return (
            following is not None
            and self.text[speaker.start : speaker.end].rstrip("%")[:1].isdigit()
            and " " not in self.text[speaker.start : speaker.end]
            and self.tags.get(following.lower) in {"NN", "NNS"}
        )

    def _scene(self, tail: list[Token], speaker: Span) -> bool:
        """Whether the words after a backward cue only set the scene: short ("earlier this
        week"), or a phrase opened by a preposition with no clause ("during his speech to the
        state convention") after a clause before the speaker ("Talks stalled, he said during
        ...", not "On Tuesday, he said during ...")."""
        if len(tail) <= _MAX_BACKWARD_TAIL:
            return True
        return (
            tail[0].lower in _SCENE_PREPOSITIONS
            and not self._looks_like_clause(tail)
            and self._clause_before(speaker)
        )

    def _clause_before(self, speaker: Span) -> bool:
        """Whether a clause, or a quotation from the sentence before, precedes the speaker:
        "Talks stalled, he said", not "On Tuesday, he said" or "Doe, who chairs it, said"."""
        before = [t for t in self.tokens if t.end <= speaker.start]
        clause = [
            t
            for segment in _segments(before)
            if segment and segment[0].lower not in _RELATIVES
            for t in segment
        ]
        return any(
            self._finite_verb(t) or _clitic_verb(t) or t.text in CLOSING_QUOTES for t in clause
        ) or (not before and self._prior_quote() is not None)

    def _clause_after_scene(self, tail: list[Token]) -> int | None:
        """Where a clause starts after a scene-setting phrase with no "that": in "said in a
        statement Friday they withdrew the offer", the subject "they" (its index in `tail`).
        The subject opens with a pronoun, a determiner or a name that no preposition governs."""
        if len(tail) < 4 or tail[0].lower not in _SCENE_PREPOSITIONS | _TIME_WORDS:
            return None
        verb = next(
            (
                i
                for i, t in enumerate(tail[:16])
                if i > 2 and (self._finite_verb(t) or _contracted(t))
            ),
            None,
        )
        if verb is None or any(
            _is_punct(t) or t.lower in _CLAUSE_OPENERS | _RELATIVES | _BARE for t in tail[:verb]
        ):
            return None  # "on exactly what these troops will do": a question, not a clause
        subject = self._subject_after_scene(tail, verb)
        return subject if subject is not None and verb - subject <= 5 else None

    def _subject_after_scene(self, tokens: list[Token], end: int) -> int | None:
        """Where a subject starts after a scene-setting phrase ("in a statement Friday night
        they", "at the county fair this week she"), before `end`: at a pronoun, a determiner or a
        name that no preposition or determiner governs."""
        for index in range(2, end):
            word, before = tokens[index], tokens[index - 1]
            if before.lower in _PREPOSITIONS or before.lower in _NOUN_MARKERS:
                continue  # "with the Courier": the scene goes on
            name = word.text[0].isupper() and before.text[0].islower()
            if (
                word.lower in _NOUN_MARKERS | _SUBJECT_PRONOUNS or name
            ) and word.lower not in _TIME_WORDS:
                return index
        return None

    def _coordinated_owner(self, speaker: Span | None, subject_end: int) -> Statement | None:
        """The statement of this sentence whose content a candidate speaker lies in, when the cue
        is coordinated with its verb ("... and said")."""
        if (
            speaker is None
            or subject_end == 0
            or self.tokens[subject_end - 1].lower not in {"and", "but"}
        ):
            return None
        return next((s for s in self.found if any(_overlaps(speaker, c) for c in s.content)), None)

    def _relative_subject(self, speaker: Span) -> Span:
        """ "the one danger he sees", "a book in which she writes": the speaker is the pronoun;
        the noun phrase before it is what the relative clause is about, not who speaks."""
        words = [t for t in self.tokens if speaker.start <= t.start < speaker.end]
        if (
            len(words) < 2
            or words[-1].lower not in _SUBJECT_PRONOUNS - {"it", "there", "this", "these", "those"}
            or words[-2].lower in {"and", "or", "but"}
            or any(self._verbish(t) for t in words[:-1])  # "X used the show to say what he"
        ):
            return speaker
        return Span(words[-1].start, words[-1].end)

    def _without_clitic(self, speaker: Span) -> Span:
        """ "He’s predicting": the speaker is "He", the clitic belongs to the verb group."""
        match = re.search(r"['’](?:s|re|m|ve|d|ll)$", self.text[speaker.start : speaker.end])
        if match is None or self.text[speaker.start : speaker.end].lower() in _SUBJECT_PRONOUNS:
            return speaker
        stem = Span(speaker.start, speaker.start + match.start())
        word = self.text[stem.start : stem.end].lower().split()[-1:]
        return stem if word and word[0] in _SUBJECT_PRONOUNS | {"who", "that"} else speaker

    def _object(self, tail: list[Token], cue: Cue) -> Span | None:
        """The object of an attitude or evaluation verb, up to where the scene is set ("during a
        rally", "on Friday"); speech verbs ("said", "added") take no object that is content."""
        if (
            cue.verb_class == "add"
            or cue.lemma in _CLAUSE_LEMMAS | {"say", "tell"}
            or not tail
            or self._looks_like_clause(tail)
        ):
            return None
        head = tail[0]
        to_whom = len(tail) > 1 and tail[1].lower in _ADDRESSEES - {"the", "a", "an"}
        if cue.verb_class == "neutral" and to_whom:
            return None  # "wrote to supporters", "spoke with reporters": to whom, not what
        if head.lower in _TIME_WORDS or self.tags.get(head.lower) in {"RB", "RBR", "RBS"}:
            return None  # "criticized sharply", "denounced Friday"
        # "balked at hacking the phone", "insisted on keeping it": a gerund is the object
        gerund = len(tail) > 1 and self.tags.get(tail[1].lower) == "VBG"
        if head.lower in _PREPOSITIONS and (
            (head.lower not in _COMPLEMENT_PREPOSITIONS and not gerund)
            or len(tail) == 1
            or tail[1].lower in _TIME_WORDS
            or self._infinitive(tail)
        ):
            return None  # "on Sunday", "to leave": not an object
        end = next(
            (
                i
                for i, t in enumerate(tail)
                if i > 0 and (t.lower in _SCENE_WORDS or t.lower in _TIME_WORDS)
            ),
            len(tail),
        )
        return _trim_content(self.text, Span(tail[0].start, tail[end - 1].end))

    def _sum_of_money(self, tail: list[Token]) -> bool:
        """ "raised $4 million", "more than $2 million": the object is money (fundraising, not
        "raised concerns")."""
        amount = next(
            (i for i, t in enumerate(tail[:4]) if t.text.startswith(_CURRENCY_SIGNS)), None
        )
        # only approximators before the sum: "said the firm raised $3 million" has a clause
        return amount is not None and all(t.lower in _AMOUNT_WORDS for t in tail[:amount])

    def _more_than_adverbial(self, span: Span) -> bool:
        """Whether a stretch says something: not just "Still" or "Sooner or later"."""
        words = [t for t in self.tokens if span.start <= t.start < span.end and not _is_punct(t)]
        return len(words) > 3 or any(self._verbish(t) for t in words)

    def _according_to(self, first: int, last: int, cue: Cue) -> Statement | None:
        speaker = self._noun_phrase_after(last + 1)
        if speaker is None:
            return None
        # "According to X, ...", "But according to X, ...": the content follows; after a
        # quotation or a clause ('“...,” according to X') it is what came before
        opening = self._opens_clause(first) or not any(
            t.text[0].isalnum() or t.text in CLOSING_QUOTES
            for t in self.tokens[:first]
            if t.lower not in _LEADING_ADVERBS
        )
        if opening:
            after = self._index_after(speaker.end)
            if after is not None and self.tokens[after].text not in {",", ":"}:
                # "According to the clerk on duty that night, ...": the source runs to the comma
                comma = next(
                    (i for i in range(after, len(self.tokens)) if self.tokens[i].text in ",:"),
                    None,
                )
                if comma is None or comma - after > 6:
                    return None
                speaker = Span(speaker.start, self.tokens[comma - 1].end)
                after = comma
            if after is None:
                return None
            content = self._forward_content(after + 1, cue, relative=False)
            return self._make(cue, first, last, speaker, content, None)
        if self._continues_statement(first):
            return None  # ', said Ryabkov, according to RIA Novosti': a channel, not a new speaker
        content = self._backward_content(self.tokens[first].start, outermost=True)
        return self._make(cue, first, last, speaker, content, None)

    def _opens_clause(self, index: int) -> bool:
        """Whether a new clause starts at `index`, after a complementizer or a colon: "said that
        according to its count, ..." or "It has not gone unnoticed: according to polls, ..."."""
        before = [t for t in self.tokens[:index] if t.lower not in _LEADING_ADVERBS]
        return bool(before) and before[-1].lower in _CLAUSE_BREAKS

    def _noun_cue(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "claims from opposition activists that ...": the speaker after from/by, content after
        that; or the owner before the noun: "his contention that ...", "Trump's attacks on ..."."""
        link = last + 1
        if link >= len(self.tokens):
            return None
        if self.tokens[link].lower not in _NOUN_CUE_LINKS or not any(
            t.lower == "that" for t in self.tokens[link + 2 : link + 12]
        ):
            return self._owned_noun_cue(first, last, cue)
        that = next(
            (
                i
                for i in range(link + 1, min(link + 12, len(self.tokens)))
                if self.tokens[i].lower == "that"
            ),
            None,
        )
        if that is None or that == link + 1:
            return None
        speaker = Span(self.tokens[link + 1].start, self.tokens[that - 1].end)
        content = self._forward_content(that, cue, relative=False)
        return self._make(cue, first, last, speaker, content, None)

    def _owned_noun_cue(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "his contention that ...", "Trump's disparaging remarks about Fiorina", "a belief
        that ...": the possessor is the source; the content is the that-clause or the object of
        the preposition, which joins the cue as PolNeAR marks it ("support for", "attacks on")."""
        opening, owner = self._possessor(first)
        owner = self._verb_subject_for(owner, opening)
        link = self.tokens[last + 1]
        owner_at = self._index_after(owner.start) if owner is not None else None
        if (
            owner is not None
            and owner_at
            and self.tokens[owner_at - 1].lower == "in"
            and cue.verb_class == "cognitive"
        ):
            return self._in_view(owner_at - 1, first, last, cue, owner)
        before = self.tokens[opening - 1] if opening > 0 else None
        # "They claim that ...": a subject before the word makes it the verb, not the noun
        nominal = owner is not None or (
            before is not None
            and (before.lower in _NOUN_MARKERS | _PREPOSITIONS or self._verbish(before))
        )
        following = self.tokens[last + 2 : last + 3]
        if link.lower == "that" and nominal and not (following and self._verbish(following[0])):
            content = self._forward_content(last + 1, cue, relative=False)
            return self._make(cue, opening, last, owner, content)
        if owner is not None and link.lower == "to" and self._infinitive(self.tokens[last + 1 :]):
            content = self._forward_content(last + 1, cue, relative=False)  # "her plan to ..."
            return self._make(cue, opening, last, owner, content)
        if owner is None and cue.form in _STANCE_NOUNS:
            return self._stance(first, last, cue)
        if owner is None and cue.lemma in _SAYING_NOUNS:
            return self._issued(first, last, cue)
        if owner is None or link.lower not in _COMPLEMENT_PREPOSITIONS | {"on"}:
            return None
        thing = self._noun_phrase_after(last + 2)
        if thing is None or self.tokens[last + 2].lower in _TIME_WORDS:
            return None  # "his remarks on Monday": when, not what about
        return self._make(cue, opening, last + 1, owner, [thing])

    def _verb_subject_for(self, owner: Span | None, opening: int) -> Span | None:
        """ "She escalated her attacks on X", "Okafor has made known her wish to ...": a pronoun
        owner right after a finite verb is its subject's; PolNeAR gives the subject as source."""
        if owner is None or owner.text(self.text).lower() not in _POSSESSIVE_PRONOUNS:
            return owner
        index = opening - 2  # the word before the pronoun
        while index >= 0 and self.tokens[index].lower in _OBJECT_PARTICLES:
            index -= 1
        if index < 0 or not self._coordinated_verb(self.tokens[index]):
            return owner
        verb = next((s for s in self.found if _within(s.cue, self.tokens[index].start)), None)
        if verb is not None:
            return verb.speaker or owner  # "has signaled his desire": one speaker for both cues
        start = self._skip_auxiliaries_left(index)
        subject, _, _ = self._speaker_before(self._region_before(start), start)
        return subject or owner

    def _in_view(self, at: int, first: int, last: int, cue: Cue, owner: Span) -> Statement | None:
        """ "In her view, the plan would fail", "The plan, in his view, would fail", "The plan
        would fail, in their view": the owner holds the clause around the phrase."""
        following = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        words = [t for t in self.tokens[:at] if not _is_punct(t)]
        if not words or all(t.lower in _LEADING_ADVERBS for t in words):
            if following is None or following.text != ",":
                return None
            content = self._forward_content(last + 2, cue, relative=False)  # fronted
        elif following is not None and following.text == "," and self.tokens[at - 1].text == ",":
            # an aside inside the clause: its subject before, its predicate after
            content = [
                _trim_content(self.text, Span(self.tokens[0].start, self.tokens[at - 1].start)),
                *self._forward_content(last + 2, cue, relative=False),
            ]
        else:
            content = self._backward_content(self.tokens[at].start)
        return self._make(cue, first, last, owner, content)

    def _stance(self, first: int, last: int, cue: Cue) -> Statement | None:
        """A stance noun with no owner: "The plan drew sharp criticism from unions" (the subject
        is what the stance is about, its source follows "from" or "of"), or "the criticism of
        his approach" (what follows the preposition is what it is about; no source named)."""
        link = self.tokens[last + 1].lower if last + 1 < len(self.tokens) else ""
        verb = self._governing_verb(first, _RECEIVING_VERBS)
        if verb is not None:
            particle = self.tokens[verb].lower in {"under", "up"}  # "came under", "picked up"
            subject_end = self._skip_auxiliaries_left(verb - particle)
            subject, _, _ = self._speaker_before(self._region_before(subject_end), subject_end)
            if subject is None:
                return None
            speaker = self._noun_phrase_after(last + 2) if link in {"from", "of"} else None
            # the verb joins the cue, as PolNeAR marks it: "has drawn sharp criticism"
            return self._make(cue, subject_end, last, speaker, [subject])
        if link not in (_COMPLEMENT_PREPOSITIONS | {"on"}) - {"to", "with", "into"}:
            return None
        thing = self._noun_phrase_after(last + 2)
        if thing is None or self.tokens[last + 2].lower in _TIME_WORDS:
            return None
        return self._make(cue, first, last + 1, None, [thing])

    def _issued(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "The union issued a statement Tuesday saying the plan would cost jobs": the subject of
        the issuing verb is the source; what the statement says follows a participle, "that", or
        "on"/"about"; the verb, the noun and the participle make the cue, as PolNeAR marks it."""
        verb = self._governing_verb(first, _ISSUING_VERBS)
        if verb is None:
            return None
        verb -= self.tokens[verb].lower == "out"  # "put out", "sent out"
        subject_end = self._skip_auxiliaries_left(verb)
        speaker, description, refers_to = self._speaker_before(
            self._region_before(subject_end), subject_end
        )
        if speaker is None:
            return None
        after = last + 1
        while after < len(self.tokens) and (
            self.tokens[after].lower in _TIME_WORDS or self.tokens[after].text in {",", ":"}
        ):
            after += 1  # "a statement Tuesday night, saying ...", "a statement: “...”"
        if after >= len(self.tokens):
            return None
        link = self.tokens[after]
        if link.text in OPENING_QUOTES:
            # "issued a statement, “We mourn ...”": the quotation is what it says
            content = self._forward_content(after, cue, relative=False)
            return self._make(cue, subject_end, last, speaker, content, description, refers_to)
        if link.lower in {"on", "about"}:
            thing = self._noun_phrase_after(after + 1)
            content = [] if thing is None else [thing]
            return self._make(cue, subject_end, after, speaker, content, description, refers_to)
        if link.lower == "that" or link.lower.endswith("ing"):
            end = last if link.lower == "that" else after
            content = self._forward_content(after + (link.lower != "that"), cue, relative=False)
            return self._make(cue, subject_end, end, speaker, content, description, refers_to)
        return None

    def _governing_verb(self, first: int, verbs: set[str]) -> int | None:
        """The index of the verb, one of `verbs`, whose object the noun cue at `first` heads, past
        determiners and modifiers: "drew sharp criticism", "issued a brief written statement"
        ("drawn", "written" read as modifiers until a verb of the set is met)."""
        verb = first - 1
        while (
            verb > 0
            and self.tokens[verb].lower not in verbs
            and (
                self.tokens[verb].lower in _OBJECT_DETERMINERS
                or self._noun_modifier(self.tokens[verb])
            )
        ):
            verb -= 1
        return verb if verb > 0 and self.tokens[verb].lower in verbs else None

    def _possessor(self, first: int) -> tuple[int, Span | None]:
        """Where a noun cue starts, past its modifiers ("disparaging remarks"), and its owner:
        "his", "Trump's", "the judges’"."""
        index = first
        while index > 0 and self._noun_modifier(self.tokens[index - 1]):
            index -= 1
        if index == 0:
            return first, None
        owner = self.tokens[index - 1]
        if owner.lower in _POSSESSIVE_PRONOUNS:
            return index, Span(owner.start, owner.end)
        if owner.text in "'’" and index > 1 and self.tokens[index - 2].lower.endswith("s"):
            start = index - 2  # "the judges’"
        elif owner.lower.endswith(("'s", "’s")) and _base(owner) not in _SUBJECT_PRONOUNS | {
            "that",
            "what",
            "who",
            "here",
            "let",
        }:
            start = index - 1  # "Trump's", "Hillary Clinton's"
        else:
            return first, None
        while (
            start > 0
            and self.tokens[start - 1].text[0].isupper()
            and not _is_punct(self.tokens[start - 1])
            and self.tokens[start - 1].lower not in _PREPOSITIONS  # "In Ash's view"
        ):
            start -= 1
        if start > 0 and self.tokens[start - 1].lower == "the":
            start -= 1
        return index, Span(self.tokens[start].start, owner.end)

    def _noun_modifier(self, token: Token) -> bool:
        """An adjective or participle before a noun cue: "repeated", "controversial", "own"."""
        tag = self.tags.get(token.lower, "")
        return token.text[0].islower() and (
            tag in {"JJ", "JJR", "JJS", "VBN", "VBG"} or token.lower == "own"
        )

    def _adverb_cue(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "Fighters would reportedly be permitted to leave": the clause around the adverb is
        the content, with no source named."""
        if self._coordinated_cue(self.tokens, last + 1):
            return None  # "reportedly said": part of the verb's group; the verb is the cue
        region = self._region_before(first)
        while region and (_is_punct(region[0]) or region[0].lower in _LEADING_ADVERBS):
            region = region[1:]
        rest = self._forward_content(last + 1, cue, relative=False)
        before = (
            [] if not region else [_trim_content(self.text, Span(region[0].start, region[-1].end))]
        )
        content = [span for span in [*before, *rest] if not span.empty]
        if not rest:
            return None
        return self._make(cue, first, last, None, content)

    def _participial(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ ", adding “...”": the speaker is the one of the statement this participle continues."""
        previous = self._previous_statement()
        # "Mr. Biden, recalling weekly breakfasts, described ...": an aside before the main verb
        aside = not any(self._verbish(t) for t in self.tokens[:first])
        content = self._forward_content(last + 1, cue, relative=False, aside=aside)
        fronted = self._fronted_participial(first, last, cue)
        if fronted is not None:
            return fronted
        subject = self._sentence_subject(first)
        if not self.found and subject is not None:
            previous = None  # "X stood on the stage, praising ...": this sentence's own subject
        if previous is not None and subject is not None:
            owner = previous.speaker.text(self.text).lower() if previous.speaker else None
            if owner is None or (owner in _POSSESSIVE_PRONOUNS and previous in self.found):
                # "She escalated her attacks, telling CNN ...": "her" is "She"; "He shot back in
                # a statement, saying ...": the setting names no one, the subject speaks
                previous = None
        if previous is None:  # "He pummeled Trump, while praising Clinton as ...": the subject's
            return self._make(cue, first, last, subject, content)
        return self._make(cue, first, last, previous.speaker, content, previous.description)

    def _reduced_relative(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "pastors backing Mr. Cruz", "a group of donors opposing the deal": a participle right
        after a noun phrase says what that phrase holds; its object runs to the sentence's next verb."""
        speaker = self._noun_phrase_before(first)
        tail = self.tokens[last + 1 :]
        if (
            speaker is None
            or not tail
            or self.tokens[first].text[0].isupper()  # a name: "Showing Up for Racial Justice"
            or tail[0].lower in {"up", "off"}  # "material showing up on servers"
        ):
            return None
        if self.tokens[first - 1].lower in _DOCUMENT_NOUNS:
            # "Trump issued a statement saying ...": the statement's author is the speaker
            speaker = self._sentence_subject(first)
        if cue.lemma == "say" or tail[0].lower == "that":  # a clause, not an object
            content = self._forward_content(last + 1, cue, relative=True)
            return self._make(cue, first, last, speaker, content)
        end = next(
            (
                i
                for i, t in enumerate(tail)
                if i > 0 and self._verbish(t) and not self._quoted(t.start)
            ),
            len(tail),
        )
        while end > 0 and _is_punct(tail[end - 1]) and tail[end - 1].text not in CLOSING_QUOTES:
            end -= 1
        if end == 0:
            return None
        thing = _trim_content(self.text, Span(tail[0].start, tail[end - 1].end))
        return self._make(cue, first, last, speaker, [thing])

    def _noun_phrase_before(self, index: int) -> Span | None:
        """The noun phrase that ends right before token `index` ("a family of super PACs"), back to
        its determiner; None when a verb, a pronoun or punctuation stands there."""
        head = self.tokens[index - 1] if index > 0 else None
        if (
            head is None
            or _is_punct(head)
            or head.lower in _SUBJECT_PRONOUNS | _RELATIVES | _TIME_WORDS
            or self.tags.get(head.lower, "NN") not in {"NN", "NNS", "NNP", "NNPS"}
        ):
            return None
        start = index - 1
        while start > 0 and index - start < 8:
            token = self.tokens[start - 1]
            if (
                _is_punct(token)
                or token.lower in _CLAUSE_OPENERS | _RELATIVES
                or (token.lower in _PREPOSITIONS and token.lower != "of")
                or self._verbish(token)
            ):
                break
            start -= 1
            if token.lower in _NOUN_MARKERS:
                break
        return Span(self.tokens[start].start, head.end)

    def _fronted_participial(self, first: int, last: int, cue: Cue) -> Statement | None:
        """ "After thanking the crowd, which cheered, he told them ...", "But in describing the
        plan, the journalists miss ...": a participle phrase before the main clause, whose subject
        follows a comma of the phrase and comes before the main verb."""
        if first == 0 or any(self._verbish(t) for t in self.tokens[: first - 1]):
            return None
        commas = [
            i
            for i in range(last + 2, len(self.tokens))
            if self.tokens[i].text == "," and not self._inner_quoted(i)
        ]
        for comma in commas[:3]:
            subject = self._subject_at(comma + 1)
            if subject is not None:
                clause = Span(self.tokens[last + 1].start, self.tokens[commas[0] - 1].end)
                return self._make(cue, first, last, subject, [clause])
        return None

    def _subject_at(self, index: int) -> Span | None:
        """A noun phrase at `index` that a verb follows, past adverbs: "he still believes"."""
        if index >= len(self.tokens) or self.tokens[index].lower in _RELATIVES | _CLAUSE_OPENERS:
            return None
        for end in range(index + 1, min(index + 9, len(self.tokens))):
            token = self.tokens[end]
            if _is_punct(token) or token.lower in _RELATIVES | _CLAUSE_OPENERS:
                return None
            if self._verbish(token):
                return self._np(self.tokens[index : self._skip_auxiliaries_left(end)])
        return None

    # speakers -----------------------------------------------------------------------------------

    def _skip_auxiliaries_left(self, index: int) -> int:
        """Index just after the subject: "Kerry has also said" -> the index of "has"."""
        while index > 0 and (
            self.tokens[index - 1].lower in _AUXILIARIES
            or _negation(self.tokens[index - 1])
            or self._manner_adverb(self.tokens[index - 1])
        ):
            index -= 1
        return index

    def _region_before(self, end: int) -> list[Token]:
        """Tokens between the start of the clause and `end`.

        A parenthetical right before the verb (", who ... ,", "– a coalition that ... –") is
        passed over whole, so a "that" or "who" inside it does not end the search for the subject.
        """
        if (
            end > 1
            and self.tokens[end - 2].text == ","
            and self.tokens[end - 1].text in CLOSING_QUOTES
            and self._embedded_quote_start(end - 1) is not None
        ):
            # 'Roe, who calls it a “scam,” said': the comma closes the aside, not the quotation
            end -= 1
        start = end
        while start > 0 and _is_boundary_punct(self.tokens[start - 1]):
            closing = self.tokens[start - 1].text
            opening = "(" if closing == ")" else closing
            match = next(
                (i for i in range(start - 2, -1, -1) if self.tokens[i].text == opening), None
            )
            if match is None or self._inside_statement(self.tokens[match].start):
                break
            start = match
        while start > 0:
            token = self.tokens[start - 1]
            if token.text in ";:" or token.lower in _CLAUSE_OPENERS:
                break
            if token.text in CLOSING_QUOTES and self._quote_at(token.start) is not None:
                break
            if self._inside_statement(token.start):
                break
            start -= 1
        return self.tokens[start:end]

    def _embedded_quote_start(self, closing: int) -> int | None:
        """The index of the opening mark of a short quotation that ends at token `closing` and
        stands inside a phrase ("the author of “Going Viral,”", "who calls it a “scam,”"), not
        a quotation of its own; None otherwise."""
        quote = self._quote_at(self.tokens[closing].start)
        if quote is None or quote.end - quote.start > _EMBEDDED_QUOTE:
            return None
        opening = closing
        while opening > 0 and self.tokens[opening].start > quote.start:
            opening -= 1
        if opening == 0 or not self.tokens[opening - 1].text[0].isalnum():
            return None
        return opening

    def _inside_statement(self, offset: int) -> bool:
        # a participle's speaker is shared with the main clause: "After thanking the crowd, she
        # said ...", "Mr. Biden, recalling ..., described"; after "According to" it is not
        return any(
            (s.cue is not None and s.cue.start <= offset < s.cue.end)
            or (_within(s.speaker, offset) and not self._participle_statement(s))
            for s in self.found
        )

    def _participle_statement(self, statement: Statement) -> bool:
        cue = statement.cue
        return cue is not None and cue.text(self.text).endswith("ing")

    def _speaker_before(
        self, region: list[Token], end: int
    ) -> tuple[Span | None, Span | None, Span | None]:
        """The subject of a verb cue: (speaker, its apposition, what a relative pronoun stands for)."""
        segments = _segments(region)
        last = segments[-1] if segments else []
        if len(last) >= 2 and last[-1].lower in {"who", "which"}:
            # "a tweet from Rikkie Wells who said": the speaker is "who", standing for the rest
            return Span(last[-1].start, last[-1].end), None, self._np(last[:-1])
        if last and _relative_opener(last) and _without_time(last[1:]):
            # "..., who rebel leaders say are": "rebel leaders"; "..., in which he said": "he"
            return self._np(last[_relative_length(last) :]), None, None
        pied = next(
            (
                i
                for i in range(len(last) - 2, 0, -1)
                if last[i].lower in {"which", "whom"} and last[i - 1].lower in _PREPOSITIONS
            ),
            None,
        )
        if pied is not None:
            # "a year in which most farmers say": the relative's subject
            return self._np(last[pied + 1 :]), None, None
        named = [
            (i, segment)
            for i, segment in enumerate(segments)
            if segment
            and not _introductory(segment)
            and not _modifier(segment)
            and not self._lone_adverb(segment)
            and not _dateline(segment)
            and _without_time(segment)  # "Last week, J.J. Goldberg, an editor, wrote"
        ]
        if len(named) > 1 and named[0][0] == 0 and self._subordinate_clause(segments):
            named = named[1:]
        if last and last[0].lower in _RELATIVES and named and not _without_time(last[1:]):
            # "The trader, who claimed ...", "Cruz, who last year threatened ...": the speaker
            # is "who", standing for "The trader"
            pronoun = Span(last[0].start, last[0].end)
            return pronoun, None, self._np(named[-1][1])
        if last and self._adjacent(last, end) and last[0].lower in _SCENE_PREPOSITIONS:
            # "in May she said", "on Friday night the mayor said": no comma after the
            # fronted phrase, whose end is where the subject starts
            subject = self._subject_after_scene(last, len(last))
            if subject is not None:
                return self._np(last[subject:]), None, None
        if (
            last
            and self._adjacent(last, end)
            and (not _modifier(last) or self._gerund_modifier(last))
            and not all(t.lower in _TIME_WORDS for t in last)  # "X, this past week, said"
        ):
            head = named[0] if named else None
            if (
                head is not None
                and head[1] is not last
                and _apposition(last)
                and _name_like(head[1])
            ):
                return self._np(head[1]), self._description(segments, head[0]), None
            return self._np(self._embedded_subject(last)), None, None
        first_segment = named[0][1] if named else []
        if (
            len(named) > 1
            and len(first_segment) > 3
            and any(self._verbish(t) for t in first_segment[1:3])
        ):
            # "Facebook built the tool, a spokeswoman, Anna White, said": the first segment is
            # the clause reported, the speaker comes after it
            named = named[1:]
        if named:  # an apposition or a modifier stands right before the verb: the subject is left
            position, segment = named[0]
            return self._np(segment), self._description(segments, position), None
        return None, None, None

    def _subordinate_clause(self, segments: list[list[Token]]) -> bool:
        """Whether the first segment is a clause with its own verb: a fronted one ("Even if
        Clinton can’t win there, insiders in the next states said") or the content before the
        speaker ("The plan will fail, Ben Rhodes, an adviser, said"); the subject comes later."""
        first = segments[0]
        for token in first[1:]:
            if token.lower in _RELATIVES or token.lower == "that":
                return False  # "farmers who heard her speak, ..., said"
            if token.text[0].islower() and (self._finite_verb(token) or _negation(token)):
                return True  # lowercase: "Yin Myint May, 60, said" has no verb
        return False

    def _embedded_subject(self, segment: list[Token]) -> list[Token]:
        """The subject of a clause embedded right before the verb: "the queries she chose
        to skip" -> "she", "a rival whom Ms. Lee regards as an equal" -> "Ms. Lee"; else the
        words past an object. Not after "what" ("what he calls the cartel"): PolNeAR gives such
        a clause the main verb's source."""
        pronoun = segment[-1]
        if (
            len(segment) > 1
            and pronoun.lower in _PERSONAL_PRONOUNS
            and segment[-2].lower not in {"and", "or", "nor", "what"}
        ):
            return [pronoun]
        relative = next(
            (i for i in range(len(segment) - 2, 0, -1) if segment[i].lower in {"whom", "which"}),
            None,
        )
        if relative is not None and not any(self._verbish(t) for t in segment[relative + 1 :]):
            return segment[relative + 1 :]  # "a rival whom Ms. Lee regards as an equal"
        return self._after_object(segment)

    def _relative_after_speaker(self, region: list[Token]) -> tuple[Span | None, Span | None]:
        """ "who" right after the speaker of a statement of this sentence ('“...,” said Ortiz,
        who said ...'): the pronoun and the speaker it stands for."""
        words = [t for t in region if not _is_punct(t)]
        if len(words) != 1 or words[0].lower != "who":
            return None, None
        start = self.tokens.index(region[0])
        previous = self.tokens[start - 1] if start > 0 else None
        antecedent = next(
            (
                s.speaker
                for s in self.found
                if previous is not None and s.speaker is not None and s.speaker.end == previous.end
            ),
            None,
        )
        pronoun = Span(words[0].start, words[0].end)
        return (pronoun, antecedent) if antecedent is not None else (None, None)

    def _gerund_modifier(self, segment: list[Token]) -> bool:
        """ "polling experts say", "farming groups said": an -ing word the lexicon reads as a
        noun or an adjective modifies the subject; it does not open a participle phrase."""
        word = segment[0]
        return (
            len(segment) > 1
            and word.lower.endswith("ing")
            and self.tags.get(word.lower) in {"NN", "JJ"}
        )

    def _after_object(self, segment: list[Token]) -> list[Token]:
        """ "Trump wants the votes and Peña Nieto wants ...": right after a verb, the words before
        "and" are its object, and the subject of the next verb is what follows. So too when the
        verb is inside ("The envoy met Lavrov and Kerry said"): the left clause is complete."""
        joins = [i for i, t in enumerate(segment) if t.lower in {"and", "but"}]
        if not joins:
            return segment
        index = self.tokens.index(segment[0])
        before = self.tokens[index - 1] if index > 0 else None
        left = segment[1 : joins[-1]]
        clause = any(self._finite_verb(t) for t in left) and not any(
            t.lower in _RELATIVES or t.lower == "that" for t in left
        )
        if not clause and (before is None or not self._finite_verb(before)):
            return segment
        return segment[joins[-1] + 1 :] or segment

    def _finite_verb(self, token: Token) -> bool:
        return token.lower in _FINITE or (
            token.text[0].islower() and self.tags.get(token.lower) in _FINITE_TAGS
        )

    def _lone_adverb(self, segment: list[Token]) -> bool:
        """ "Significantly, the judge said": a sentence adverb set off by a comma is no subject."""
        return len(segment) == 1 and self.tags.get(segment[0].lower) in {"RB", "RBR", "RBS"}

    def _adjacent(self, segment: list[Token], end: int) -> bool:
        return end < 1 or segment[-1] is self.tokens[end - 1]

    def _description(self, segments: list[list[Token]], subject: int) -> Span | None:
        """The appositions after the subject ("a spokesman for ..."), not a participle modifier."""
        rest = [t for segment in segments[subject + 1 :] for t in segment]
        if not rest or not (_apposition(rest) or rest[0].lower in _RELATIVES):
            return None
        return Span(rest[0].start, rest[-1].end)

    def _np(self, tokens: list[Token]) -> Span | None:
        while tokens and (tokens[0].lower in _LEADING_ADVERBS or _is_punct(tokens[0])):
            tokens = tokens[1:]
        tokens = _without_time(self._before_verb(tokens))
        while tokens and (
            (_is_punct(tokens[-1]) and tokens[-1].text != "%")
            or tokens[-1].lower in _LEADING_ADVERBS
            or (tokens[-1].lower.endswith("ly") and self.tags.get(tokens[-1].lower) == "RB")
            or (len(tokens) > 1 and self._floating(tokens[-1]))
        ):
            tokens = tokens[:-1]
        if tokens and self._verbish(tokens[0]) and not self._participle_title(tokens):
            return None  # "were only eight": no noun phrase here
        if (
            len(tokens) == 1
            and self.tags.get(tokens[0].lower) in _NOT_NOUNS
            and tokens[0].lower not in _QUANTIFIER_PRONOUNS
            and tokens[0].lower.split("-")[0] not in _NUMBER_WORDS - {"a"}  # "three-fourths say"
            and not self._surname(tokens[0])
        ):
            return None  # "The evacuation, first planned for ...": an adverb is no speaker
        if not tokens or len(tokens) > _MAX_SPEAKER_TOKENS:
            return None
        if tokens[0].lower in _PREPOSITIONS and not _approximate_number(tokens):
            return None
        if not any(t.text[0].isalnum() for t in tokens):
            return None  # a number is a subject in polls: "42% say", "39 have said"
        return Span(tokens[0].start, tokens[-1].end)

    def _floating(self, token: Token) -> bool:
        """A word after the subject that is not part of it: "The governor first said", "Obama
        himself", "Richards and Menendez both"."""
        return token.text[0].islower() and (
            token.lower in _FLOATING or self.tags.get(token.lower) in {"RB", "RBR", "RBS"}
        )

    def _participle_title(self, tokens: list[Token]) -> bool:
        """ "retired Gen. Jane Doe", "retired surgeon Ben Doe": a participle before a name
        describes the person; and "Will Dorsey" after the sentence's first word is a name."""
        first = tokens[0]
        if first.text[0].isupper():
            return self.tokens.index(first) > 0
        return self.tags.get(first.lower) in {"VBN", "VBG"} and any(
            t.text[0].isupper() for t in tokens[1:4]
        )

    def _surname(self, token: Token) -> bool:
        """ "Young said", "Strong told", '“...,” said Frank.', "Small, who ...": a capitalized
        adjective is a name after the sentence's first word, or there when no comma sets it off
        as a sentence adverb ("Significantly, the judge said")."""
        index = self.tokens.index(token)
        following = self.tokens[index + 1 : index + 3]
        return (
            token.text[0].isupper()
            and self.tags.get(token.lower) in {"JJ", "JJR", "JJS"}
            and (
                index > 0
                or (bool(following) and not _is_punct(following[0]))
                or (len(following) == 2 and following[1].lower in _RELATIVES)  # "Small, who"
            )
        )

    def _before_verb(self, tokens: list[Token]) -> list[Token]:
        """A noun phrase ends at a finite verb outside a relative clause: in "Sanders' campaign
        launched an ad buy and said", the speaker is "Sanders' campaign"."""
        for index, token in enumerate(tokens[1:], start=1):
            if token.lower in _RELATIVES or token.lower == "that":
                return tokens
            modifier_slot = tokens[index - 1].lower in _NOUN_MARKERS or _contracted(
                tokens[index - 1]
            )
            if self._possessive(tokens, index) or self._participle_modifier(tokens, index):
                continue
            if not modifier_slot and (
                (
                    token.lower in _FINITE
                    or (_contracted(token) and not self._possessive(tokens, index))
                )
                or (token.text[0].islower() and self.tags.get(token.lower) in _FINITE_TAGS)
            ):
                # "He’s predicting": the clitic stays with its pronoun; "Weaver didn’t" is a verb
                clitic = _contracted(token) and not _negation(token)
                return tokens[: index + 1] if clitic else tokens[:index]
        return tokens

    def _possessive(self, tokens: list[Token], index: int) -> bool:
        """ "Donald Trump’s campaign manager": a name's "’s" before a noun owns it; it is no
        clitic verb ("Trump’s been saying", "Trump's not")."""
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            following is not None
            and token.lower.endswith(("'s", "’s"))
            and _base(token) not in _SUBJECT_PRONOUNS | {"who", "that", "what", "here", "let"}
            and not self._verbish(following)
            and following.lower not in _AUXILIARIES | _NEGATIONS | {"going", "got"}
            and self.tags.get(following.lower) not in {"RB", "RBR", "RBS", "VBG"}
        )

    def _participle_modifier(self, tokens: list[Token], index: int) -> bool:
        """ "A court document filed Thursday", "a poll released by the party": a participle
        that a time or an agent follows modifies the noun before it."""
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        return (
            following is not None
            and tokens[index].lower.endswith("ed")
            and (following.lower in _TIME_WORDS or following.lower == "by")
        )

    def _noun_phrase_after(self, index: int) -> Span | None:
        """The noun phrase starting at token `index`, up to the next punctuation or clause word."""
        taken: list[Token] = []
        for token in self.tokens[index:]:
            if (_is_punct(token) and token.text not in "'’/&") or token.lower in _CLAUSE_OPENERS:
                break  # "Harlan/Reyes", "AT&T" stay whole
            if token.lower in _RELATIVES or (taken and token.lower == "amid"):
                break
            taken.append(token)
        head = self._np(taken)
        following = index + len(taken)
        if (
            head is not None
            and len(taken) > 1
            and self.tags.get(taken[-1].lower) == "VBN"
            and following < len(self.tokens)
            and self.tokens[following].lower == "as"
        ):
            # "the night manager known as Sam": a participle's "as" does not open a clause
            named = self._noun_phrase_after(following + 1)
            return head if named is None else Span(head.start, named.end)
        return head

    def _relative_speaker(self, region: list[Token]) -> bool:
        segments = _segments(region)
        return bool(segments and segments[-1] and _relative_opener(segments[-1]))

    def _previous_statement(self) -> Statement | None:
        # the latest statement not inside another's content: in "X repeated his accusations
        # against Y, calling ...", the participle continues X's statement, not "his accusations"
        for statement in reversed(self.found):
            cue = statement.cue
            if cue is None or not any(
                other is not statement and any(_overlaps(cue, c) for c in other.content)
                for other in self.found
            ):
                return statement
        if self.found:
            return self.found[-1]
        if self.earlier and self.earlier[-1].paragraph == self.paragraph:
            return self.earlier[-1]
        return None

    def _continues_statement(self, first: int) -> bool:
        """Whether the cue at `first` follows straight on from a statement's speaker (", according to")."""
        if not self.found or first == 0:
            return False
        previous = self.found[-1]
        comma = self.tokens[first - 1]
        anchors = [s for s in (previous.speaker, previous.cue) if s is not None]
        return comma.text == "," and any(0 <= comma.start - s.end <= 1 for s in anchors)

    # content ------------------------------------------------------------------------------------

    def _tail(self, index: int) -> list[Token]:
        """Tokens after the cue up to the next comma, semicolon or sentence end."""
        tail = []
        for token in self.tokens[index:]:
            if token.text in {",", ";", "."} and not self._quoted(token.start):
                break
            tail.append(token)
        return tail

    def _forward_marker(self, tail: list[Token], cue: Cue) -> bool:
        """A complementizer or colon right after the cue (past an addressee), or a quotation."""
        for index, token in enumerate(tail[:16]):
            if token.text in OPENING_QUOTES:
                # not a title after a possessive or a preposition: "on the station's “Morning Show”"
                before = tail[index - 1] if index > 0 else None
                return before is None or not (
                    before.lower.endswith(("'s", "’s")) or before.lower in {"on", "in", "at"}
                )
            if _complementizer(tail, index):
                return self._addressee(tail[:index], cue)
        return False

    def _that_follows(self, tail: list[Token], cue: Cue) -> bool:
        return any(
            _complementizer(tail, i) and self._addressee(tail[:i], cue)
            for i in range(min(len(tail), 16))
        )

    def _addressee(self, tokens: list[Token], cue: Cue) -> bool:
        """Whether `tokens` between a cue and its "that" are an addressee or adverbials:
        "told reporters on Sunday", "told a crowded banquet hall in Baltimore"."""
        verbless = not any(
            t.lower in _FINITE or self.tags.get(t.lower) in _FINITE_TAGS for t in tokens
        )
        if self._infinitive(tokens):
            # "appeared to oppose the plan, saying that ...", "declined to comment on reports
            # that ...": the "that" is later, or the noun's
            return False
        if cue.lemma in _ADDRESSEE_VERBS or (tokens and tokens[0].lower in _PREPOSITIONS):
            return verbless  # "told a crowded hall that", "said in a series of messages that"
        return all(_before_complement(t) for t in tokens)

    def _has_text_before(self, speaker: Span) -> bool:
        before = self.text[self.sentence.start : speaker.start]
        return (
            any(ch.isalnum() for ch in before)
            or self._quote_at(speaker.start - 2) is not None
            or self._prior_quote() is not None
        )

    def _prior_quote(self) -> Span | None:
        """A quotation that ends right where this sentence starts: '"...?" Rubio said.'"""
        # an earlier quotation has the later one's marks in between
        index = _last_ending_by(self.quotes, self.sentence.start)
        quote = self.quotes[index] if index >= 0 else None
        if quote is not None and not self.text[quote.end : self.sentence.start].strip(" ,"):
            return quote
        return None

    def _quote_follows(self, index: int) -> bool:
        """ "said, “..." or "said: “...": a quotation right after the cue's comma or colon."""
        following = self.tokens[index : index + 2]
        return (
            len(following) == 2
            and following[0].text in {",", ":"}
            and following[1].text in OPENING_QUOTES
        )

    def _after_as(self, region: list[Token], speaker: Span) -> bool:
        """ "As Crane said, ...": the speaker's clause opens with "as", right before the speaker
        (not "As they campaigned, voters knew them, they said")."""
        if not region or region[0].start != speaker.start:
            return False
        index = self.tokens.index(region[0])
        return index > 0 and self.tokens[index - 1].lower == "as"

    def _looks_like_clause(self, tokens: list[Token]) -> bool:
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
        if _base(head[0]) in _SUBJECT_PRONOUNS or any(
            t.lower in _FINITE or _contracted(t) for t in head
        ):
            return True
        return any(self.tags.get(t.lower, "") in _FINITE_TAGS for t in head[1:])

    def _verb_group_start(self, first: int) -> int:
        """The cue's whole verb group: "has also said", "would not have said", "has openly
        opposed" (PolNeAR marks the manner adverb as part of the cue)."""
        while first > 0 and (
            self.tokens[first - 1].lower in _VERB_GROUP
            or _negation(self.tokens[first - 1])
            or self._manner_adverb(self.tokens[first - 1])
        ):
            first -= 1
        return first

    def _manner_adverb(self, token: Token) -> bool:
        """ "openly", "viciously": a lowercase adverb in "-ly" (the lexicon tags it RB)."""
        return token.lower.endswith("ly") and self.tags.get(token.lower) == "RB"

    def _inverted_speaker(self, first: int, last: int, tail: list[Token], cue: Cue) -> Span | None:
        """The noun phrase after a cue that follows its content: '...,” said Ryabkov'."""
        if not self._content_ends_before(first) or not tail or cue.lemma in _ADDRESSEE_VERBS:
            return None  # "“...,” X told The Hill": after "told" comes the addressee
        if tail[0].lower in _CLAUSE_OPENERS or tail[0].lower in _PREPOSITIONS:
            return None
        # the noun phrase ends at a relative pronoun or a clause word: "said a former official
        # who oversaw ...", "said Jane Roe when asked about it"
        relative = next(
            (i for i, t in enumerate(tail) if t.lower in _RELATIVES | _SUBORDINATORS - {"as"}),
            len(tail),
        )
        phrase = tail[:relative]
        if not phrase or len(phrase) > 12:
            return None
        if _base(phrase[0]) in _SUBJECT_PRONOUNS or any(
            self._verbish(t) and not self._modifies_speaker(phrase, i)
            for i, t in enumerate(phrase[1:], start=1)
        ):
            return None
        # "said former governor Jane Doe", "said another advocate", "said retired Gen. Jane
        # Doe": a lowercase title, determiner or description opens the speaker when nothing
        # in it reads as a verb
        if not (
            phrase[0].text[0].isupper()
            or phrase[0].lower in _SPEAKER_DETERMINERS
            or self.tags.get(phrase[0].lower, "NN") in {"NN", "JJ", "NNS", "CD", "DT", "PRP$"}
            or self._participle_title(phrase)
        ):
            return None
        return self._noun_phrase_after(last + 1)

    def _modifies_speaker(self, phrase: list[Token], index: int) -> bool:
        """ "said one official involved in the talks", "said the manager known as Sam": a
        participle after the head noun and before a preposition modifies the speaker; it is not
        the verb of a clause."""
        following = phrase[index + 1] if index + 1 < len(phrase) else None
        if following is None:
            return False
        if phrase[index - 1].lower in _SPEAKER_DETERMINERS and (
            following.text[0].isupper() or self.tags.get(following.lower, "NN")[:2] in {"NN", "JJ"}
        ):
            return True  # "said the printed card", "said one unaligned Ohio strategist"
        return self.tags.get(phrase[index].lower) == "VBN" and (
            following.lower in _PREPOSITIONS or following.lower == "as"
        )

    def _quote_ends_before(self, offset: int) -> bool:
        """Whether a quotation closes right before `offset`, past commas: '“...,” Lott told'."""
        # an earlier quotation has the later one's marks in between
        index = _last_ending_by(self.quotes, offset)
        return index >= 0 and not self.text[self.quotes[index].end : offset].strip(" ,")

    def _quote_reported_before(self) -> bool:
        """Whether the quotation closing before this sentence is already the content of the
        statement before: in 'The aide said “We are done.” A spokesman declined to comment.'
        the spokesman's refusal does not take the aide's words."""
        index = _last_ending_by(self.quotes, self.sentence.start)
        previous = self.earlier[-1] if self.earlier else None
        return (
            index >= 0
            and previous is not None
            and previous.cue is not None
            and previous.cue.end <= self.quotes[index].start
            and any(_overlaps(self.quotes[index], c) for c in previous.content)
        )

    def _quote_opens_sentence(self, offset: int) -> bool:
        """Whether the quotation closing before `offset` opens this sentence and ends in a comma
        ('“...,” Clinton told'), not an earlier sentence ('“...” He said') or an aside."""
        index = _last_ending_by(self.quotes, offset)
        if index < 0 or self.quotes[index].end <= self.sentence.start:
            return False
        quote = self.quotes[index]
        opening = self.text[self.sentence.start : max(quote.start, self.sentence.start)]
        closing = self.text[quote.start : quote.end].rstrip("”\"'» ")
        return not any(ch.isalnum() for ch in opening) and closing.endswith(",")

    def _sentence_subject(self, before: int) -> Span | None:
        """The main clause's first noun phrase, up to its first finite verb, past a dateline and
        a fronted subordinate clause: "Once he was in office, Obama made peace a priority"."""
        opening = self._main_clause_start(before)
        tokens = self.tokens[opening:before]
        verb = next(
            (
                end
                for end, t in enumerate(tokens)
                if self._verbish(t)
                # "The retired surgeon addressed": a participle after a determiner modifies
                and not (
                    end > 0 and tokens[end - 1].lower in _NOUN_MARKERS and t.lower not in _FINITE
                )
            ),
            None,
        )
        if verb is None and not (tokens and tokens[-1].text == ","):
            return None  # with no verb yet, only "Mr. Biden, recalling ...," has its subject
        if verb is not None and _pronoun_clitic(tokens[verb]):
            # "she's moved to the left, criticizing ...": the pronoun before its clitic
            token = tokens[verb]
            return self._without_clitic(Span(token.start, token.end))
        segments = [
            s
            for s in map(_past_time_phrase, _segments(tokens[:verb]))
            if s
            and (not _introductory(s) or _approximate_number(s))  # "About 200 protesters"
            and not _dateline(s)
        ]
        # the first noun phrase: "Hours later, Baker returned ..." passes over the time phrase
        return next((np for s in segments if (np := self._np(s)) is not None), None)

    def _dateline_end(self) -> int:
        """The index after "PARIS, Aug 31 (Reuters) -" or "WASHINGTON —", else 0."""
        dash = next((i for i, t in enumerate(self.tokens[:12]) if t.text in _DATELINE_DASHES), None)
        if dash is not None and all(
            t.text[0].isupper() or t.text[0].isdigit() or _is_punct(t) for t in self.tokens[:dash]
        ):
            return dash + 1
        return 0

    def _main_clause_start(self, before: int) -> int:
        """Where the main clause starts: after "PARIS, Aug 31 (Reuters) -" and after a clause that
        a subordinator opens, up to its comma ("When Maddow pointed it out, Clinton said")."""
        start = self._dateline_end()
        while start < before and self.tokens[start].lower in _LEADING_ADVERBS:
            start += 1
        if start < before and self.tokens[start].lower in _SUBORDINATORS:
            comma = next(
                (
                    i
                    for i in range(start + 1, before)
                    if self.tokens[i].text == "," and not self._inner_quoted(i)
                ),
                None,
            )
            if comma is not None:
                start = comma + 1
        return start

    def _content_ends_before(self, first: int) -> bool:
        """Whether a quotation or a clause ends right before the cue ('...,” said', 'Talks
        failed, said Ryabkov'), not a subject and its apposition ('Chris Collins, an ally,
        said'); or a quotation ends the sentence before ('“... now!” said Ryabkov.')."""
        previous = self.tokens[first - 1] if first > 0 else None
        if previous is None:
            return self.tokens[first].text[0].islower() and self._prior_quote() is not None
        if previous.text in CLOSING_QUOTES:
            return first > 1
        if previous.text == ",":
            return self._clause_before(Span(previous.start, previous.start))
        return False

    def _forward_content(
        self, index: int, cue: Cue, *, relative: bool, aside: bool = False
    ) -> list[Span]:
        """Content after a cue: from the complement (after "that" or ":") to the sentence's end.
        In an `aside` ("Smith, who backs the plan, said ...") it ends where the main verb follows."""
        tokens = self.tokens[index:]
        if not tokens:
            return []
        start = 0
        markers = [
            i
            for i, t in enumerate(tokens[:12])
            if _complementizer(tokens, i)
            and not self._quoted(t.start)
            and self._addressee(tokens[:i], cue)
        ]
        opening = next((i for i, t in enumerate(tokens[:12]) if t.text in OPENING_QUOTES), None)
        if markers and (opening is None or markers[0] < opening):
            # "that" belongs to the content, a colon to the cue (the PARC/PolNeAR convention)
            start = markers[0] + (1 if tokens[markers[0]].text == ":" else 0)
        elif opening is not None and cue.kind == "verb" and self._is_objectless(tokens[:opening]):
            start = opening
        else:
            start = self._skip_adverbials(tokens)
        # "Although she said A, B": the clause before the main clause's comma is the content
        subordinate = self.tokens[0].lower in _SUBORDINATORS and not any(
            t.text == "," and not self._quoted(t.start) for t in self.tokens[:index]
        )
        end = len(tokens)
        for i in range(start + 1, len(tokens)):
            token = tokens[i]
            if self._quoted(token.start):
                continue
            if token.text == "," and (
                relative or subordinate or (aside and self._predicate_at(tokens, i + 1))
            ):
                end = i
                break
            previous = tokens[i - 1].text
            if token.lower in {"and", "but"} and self._coordinated_cue(tokens, i + 1):
                end = i  # "said that A and said that B": two statements of one speaker
                break
            if (previous == "," or previous in CLOSING_QUOTES) and self._starts_statement(
                tokens, i
            ):
                end = i  # ", adding ...", "” claiming that ...", ", according to ...": another statement
                break
        body = tokens[start:end]
        if not body:
            return []
        span = Span(body[0].start, body[-1].end)
        quote = self._quote_at(body[0].start)
        if quote is not None and quote.end > span.end:
            span = Span(span.start, quote.end)  # a quotation that runs past the sentence
        return [_trim_content(self.text, span)]

    def _predicate_at(self, tokens: list[Token], index: int) -> bool:
        """A verb at `index`, past adverbs: ", later said", ", has also said", ", described"."""
        while index < len(tokens) and self.tags.get(tokens[index].lower) in {"RB", "RBR"}:
            index += 1
        return index < len(tokens) and self._verbish(tokens[index])

    def _is_objectless(self, tokens: list[Token]) -> bool:
        return all(
            t.lower in _TIME_WORDS or t.lower in _PREPOSITIONS or t.text == "," for t in tokens
        )

    def _skip_adverbials(self, tokens: list[Token]) -> int:
        """Skip "on Sunday", "earlier this week," after a cue: they are not what was said."""
        index = 0
        while index < len(tokens) and (
            tokens[index].lower in _TIME_WORDS
            or (
                tokens[index].lower in _PREPOSITIONS
                and index == 0
                and not self._infinitive(tokens)
                and not _approximate_number(tokens)  # "at least seven delegates have ..."
            )
        ):
            index += 1
            if index < len(tokens) and tokens[index - 1].lower in _PREPOSITIONS:
                index += 1  # the preposition's object: "on Sunday"
        if index < len(tokens) and tokens[index].text == ",":
            index += 1
        return index

    def _infinitive(self, tokens: list[Token]) -> bool:
        """ "to cast her ballot": an infinitive, which belongs to the content."""
        if len(tokens) < 2 or tokens[0].lower != "to":
            return False
        tag = self.tags.get(tokens[1].lower, "")
        # "to answer", "to comment": a base form the lexicon reads first as a noun, before an
        # article, a pronoun, a preposition or nothing
        bare_noun = (
            tag == "NN"
            and tokens[1].text.islower()
            and (len(tokens) == 2 or self.tags.get(tokens[2].lower) in {"DT", "PRP", "PRP$", "IN"})
        )
        return tag.startswith("VB") or bare_noun

    def _verbish(self, token: Token) -> bool:
        """A finite verb or a participle, by the closed list or the Pattern lexicon."""
        if token.lower in _FINITE:
            return True
        if not token.text[0].islower():
            return False
        tag = self.tags.get(token.lower)
        # a word the lexicon lacks that ends in "-ed" ("emailed", "livestreamed") is a verb
        return tag in _VERB_TAGS or (
            tag is None and len(token.lower) > 4 and token.lower.endswith("ed")
        )

    def _coordinated_cue(self, tokens: list[Token], index: int) -> bool:
        """A verb cue right after "and": "... and said that ...", "... and added: ..."."""
        if index >= len(tokens):
            return False
        readings = self.cues.cues.get(tokens[index].lower, ())
        return any(cue.kind == "verb" and not cue.form.endswith("ing") for cue in readings)

    def _starts_statement(self, tokens: list[Token], index: int) -> bool:
        """Whether the tokens at `index` open another statement: "adding", "claiming", "according to"."""
        word = tokens[index].lower
        if word == "according":
            return True
        readings = self.cues.cues.get(word, ())
        return any(cue.kind == "verb" for cue in readings) and word.endswith("ing")

    def _backward_content(self, before: int, *, outermost: bool = False) -> list[Span]:
        """Content before the speaker: from the clause start (or the quotation's opening) to the
        comma. An `outermost` content ("X seems keen, according to Y") takes in the statements
        before it, which it reports."""
        end_token = next(
            (i for i in range(len(self.tokens) - 1, -1, -1) if self.tokens[i].end <= before), -1
        )
        while end_token >= 0 and _is_boundary_punct(self.tokens[end_token]):
            end_token -= 1
        if end_token < 0:
            prior = (
                self._prior_quote()
            )  # '"...NOW!" | Trump said.': the quote ended the last sentence
            return [prior] if prior is not None else []
        start_token = 0
        for i in range(end_token, -1, -1):
            inside = not outermost and self._inside_statement(self.tokens[i].start)
            if inside or self.tokens[i].text == ";":
                start_token = i + 1
                break
        if start_token > end_token:
            return []
        start = self.tokens[start_token].start
        end = self.tokens[end_token].end
        quote = self._quote_at(start) or self._quote_at(end - 1)
        if quote is not None and quote.start < start:
            start = quote.start  # the quotation began in an earlier sentence or paragraph
        elif quote is not None and self.text[start : quote.start].rstrip().endswith(":"):
            start = quote.start  # 'She was blunt: "We lost," she said.': she said only the quote
        return [_trim_content(self.text, Span(start, end))]

    def _index_after(self, offset: int) -> int | None:
        return next((i for i, t in enumerate(self.tokens) if t.start >= offset), None)

    # building -----------------------------------------------------------------------------------

    def _make(
        self,
        cue: Cue,
        first: int,
        last: int,
        speaker: Span | None,
        content: list[Span],
        description: Span | None = None,
        refers_to: Span | None = None,
    ) -> Statement | None:
        # a content is more than a lone complementizer ("that", "whether") left by a misreading
        content = [c for c in content if not c.empty and c.text(self.text).lower() not in _BARE]
        if not content:
            return None
        if cue.kind == "verb":
            first = self._verb_group_start(first)
        if last + 1 < len(self.tokens) and self.tokens[last + 1].text == ":":
            last += 1  # "said: ...": the colon belongs to the cue, as PolNeAR marks it
        cue_span = Span(self.tokens[first].start, self.tokens[last].end)
        if speaker is not None and any(_overlaps(speaker, c) for c in content):
            return None
        return Statement(
            kind=statement_kind(self.text, content, _quotes_near(self.quotes, content)),
            speaker=speaker,
            cue=cue_span,
            content=content,
            paragraph=self.paragraph,
            cue_lemma=cue.lemma,
            verb_class=cue.verb_class,
            description=description,
            refers_to=refers_to,
            negated=any(_negation(t) for t in self.tokens[first : last + 1]),
        )
