"""Find statements: who said what, with the speaker, the reporting cue and the content as spans.

A rule-based attributor, offline and fast. It reads each paragraph once, finds its quotations and
its reporting cues (from the cue lexicon), and for each cue decides by the shape of the sentence
where the speaker and the content are:

    forward      Ryabkov said (that) no deal had been reached.      X said: "..."
    backward     Hundreds have gone missing, the UN said.           "...," Ryabkov said.
    inverted     "...," said Ryabkov.
    according    According to Reuters, ...     ..., according to monitors.
    participial  ..., adding "..."    ..., claiming that ...         (the speaker carries over)
    noun         ... claims from opposition activists that ...

Speakers are noun phrases, not whole appositions: in "Amin Malhees, a spokesman for ..., said" the
speaker is "Amin Malhees"; the apposition is kept as `description`, which helps resolve the party.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import takewhile
from typing import NamedTuple

from research.lexicons import (
    OTHER_ABBREVIATIONS,
    TITLE_ABBREVIATIONS,
    Cue,
    CueLexicon,
    load_word_tags,
)
from research.schema import Span

# --- closed-class words the rules rely on (grammar, not lexicon data) ---------------------------

# Between a speaker and its verb: "Ryabkov has also said", "the UN said earlier".
_AUXILIARIES = {
    "has", "have", "had", "was", "is", "were", "are", "will", "would", "also", "previously",
    "later", "earlier", "again", "then", "repeatedly", "once", "did", "does", "do", "recently",
    "publicly", "privately", "already", "further", "often", "could", "may", "might",
    "reportedly", "separately", "last", "yesterday", "today", "subsequently", "initially",
    "now", "still", "widely", "generally", "commonly", "long", "being", "been", "be", "can",
    "should", "must",
}  # fmt: skip
# Finite verbs that mark a clause after a cue without "that": "said no deal was near".
_FINITE = {
    "is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "can", "should",
    "must", "may", "might", "did", "does", "do", "'s", "’s", "wo", "remains", "remained",
}  # fmt: skip
# Verbs whose object is the addressee: "told a crowded hall in Baltimore that ...".
_ADDRESSEE_VERBS = {"tell", "remind", "assure", "inform", "warn", "notify", "brief", "promise"}
_NOT_NOUNS = {"RB", "RBR", "RBS", "JJ", "IN", "CC", "DT", "TO"}
# Quantifiers that stand alone as a subject: "Several said ...", "Others say ...".
_QUANTIFIER_PRONOUNS = {
    "several", "some", "many", "others", "another", "most", "few", "both", "all", "none", "one",
}  # fmt: skip
# Approximators before a number that make a subject, not a prepositional phrase: "About 40 said".
_APPROXIMATORS = {"about", "around", "over", "nearly", "almost", "roughly"}
_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
_VERB_TAGS = _FINITE_TAGS | {"VBN"}
# Pronouns that can only be a subject: "questions she preferred not to answer".
_PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they", "it"}
_SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "there", "this", "these", "those"}
# The verb group of a cue, kept in the cue span: "has also said", "would have said".
_VERB_GROUP = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
    "did", "does", "do", "also", "is", "are", "was", "were", "be", "been", "being", "once",
}  # fmt: skip
# Words that attach a participle cue to the clause's subject: "by saying", "while praising".
_PARTICIPLE_LINKS = {"by", "while", "after", "before", "when", "without", "in", "and", "also"}
# Words before a cue form that make it a noun: "the claims", "their plans", "its views".
_NOUN_MARKERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose", "such", "no", "every", "each", "any", "some",
}  # fmt: skip
_PASSIVE = {"is", "are", "was", "were", "be", "been", "being"}
_ADDRESSEES = {
    "the", "a", "an", "reporters", "journalists", "news", "agency", "conference", "statement",
    "interview", "briefing", "television", "radio", "newspaper", "him", "her", "them", "us", "me",
    "lawmakers", "parliament", "congress", "committee", "audience", "crowd", "supporters",
}  # fmt: skip
_NEGATIONS = {"not", "never", "n't", "neither", "nor", "no"}
# Words that open a clause: the speaker of a later verb cannot reach back over them.
_CLAUSE_OPENERS = {
    "that", "but", "while", "whereas", "although", "though", "because", "since", "if", "unless",
    "when", "after", "before", "so", "yet", "as", "where", "why", "how", "what",
}  # fmt: skip
_RELATIVES = {"who", "which", "whom", "whose"}
# Determiners that open a speaker named after its verb: "said the chairman", "said one aide".
_SPEAKER_DETERMINERS = {"the", "a", "an", "one", "two"}
# Words that open a fronted subordinate clause; the main clause follows its comma.
_SUBORDINATORS = {
    "when", "while", "whereas", "although", "though", "because", "since", "if", "as", "after",
    "before", "once", "until", "unless",
}  # fmt: skip
_DATELINE_DASHES = {"—", "–", "-", "--", "―"}
# A speaker is not introduced by these: "Meanwhile rebel groups said" has the speaker "rebel groups".
_LEADING_ADVERBS = {
    "and", "but", "meanwhile", "however", "also", "still", "yet", "so", "then", "now", "later",
    "earlier", "instead", "separately", "moreover", "indeed", "thus", "here", "there", "even",
    "only", "just", "perhaps", "maybe", "certainly", "apparently", "reportedly",
}  # fmt: skip
_PREPOSITIONS = {
    "on", "in", "at", "to", "during", "after", "before", "from", "via", "by", "through", "over",
    "with", "for", "amid", "despite", "under", "about", "of", "into", "within", "without", "against",
}  # fmt: skip
# Prepositions that open a fronted phrase, not a subject: "Like Trump, they ...".
_FRONTED_PREPOSITIONS = {
    "like", "unlike", "alongside", "outside", "inside", "throughout", "among", "amongst", "beyond",
    "besides", "across", "toward", "towards", "near", "upon", "between", "until", "since", "beside",
}  # fmt: skip
_IRREGULAR_PARTICIPLES = {
    "sent", "made", "given", "known", "held", "seen", "taken", "written", "led", "told", "shown",
    "chosen", "driven", "brought", "caught", "left", "kept", "put", "set", "quoted", "cited",
    "speaking", "commenting", "writing", "according",
}  # fmt: skip
_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
    "year", "morning", "afternoon", "evening", "night", "weekend", "today", "yesterday", "tonight",
    "earlier", "later", "recently", "last", "this", "next", "previously", "again", "past",
}  # fmt: skip
# Particles between a verb and its object: "stepped up his attacks", "doubled down on its claim".
_OBJECT_PARTICLES = {"up", "down", "on", "off", "out", "back", "also"}
# Words that float after a subject: "Obama himself said", "Reid and Schumer both said".
_FLOATING = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "both", "all"}
# Lengths of time that close a time phrase: "A few minutes later", "two days".
_TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "moments"}
_NOUN_CUE_LINKS = {"from", "by", "of"}
# Participles that say what the noun phrase before them holds or says: "voters backing Trump",
# "a sign saying ...", "protesters calling for ..." (most others there are actions).
_HOLDING_PARTICIPLES = {
    "say", "support", "back", "oppose", "seek", "call", "call for", "claim", "allege", "warn",
    "urge", "demand", "ask", "favor", "prefer", "want", "endorse", "criticize", "accuse",
}  # fmt: skip
# Verbs that put out a statement or make remarks: "issued a statement saying ...", "put out a
# statement that", "made comments about".
_ISSUING_VERBS = {
    "issue", "issues", "issued", "issuing", "release", "releases", "released", "releasing",
    "make", "makes", "made", "making",
    "out",  # "put out", "sent out"
}  # fmt: skip
# Determiners between such a verb and its noun: "made several comments", "won the endorsement".
_OBJECT_DETERMINERS = {"a", "an", "the", "several", "similar"}
# Noun cues of things said, which an issuing verb puts out.
_SAYING_NOUNS = {"statement", "comment", "remark"}
# Words after a noun that a verb never takes next: "support among voters", "the report is".
_NOUN_FOLLOWERS = {"from", "among", "is", "was", "has", "remains"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}
# Noun cues that name a stance someone took even with no owner before them ("drew criticism from
# unions", "won the endorsement of the union", "criticism of the plan"); other noun cues read
# bare are mostly something else ("attacks" in Paris) or report nothing ("his comments").
_STANCE_NOUNS = {"criticism", "endorsement"}
# Verbs whose subject receives a stance from others ("drew criticism from", "won the endorsement
# of", "came under criticism"): the subject is what the stance is about, not its source.
_RECEIVING_VERBS = {
    "draw", "draws", "drew", "drawn", "drawing", "face", "faces", "faced", "facing", "receive",
    "receives", "received", "receiving", "win", "wins", "won", "winning", "earn", "earns",
    "earned", "earning", "attract", "attracts", "attracted", "attracting", "spark", "sparks",
    "sparked", "sparking", "get", "gets", "got", "gotten", "getting", "secure", "secures",
    "secured", "securing", "garner", "garnered", "garners", "endure", "endured", "endures",
    "under", "up",  # "came under criticism", "picked up the endorsement"
}  # fmt: skip
# Verbs whose subject is also the subject of the infinitive after them: "tried to defend".
_CONTROL_VERBS = {
    "try", "tries", "tried", "trying", "fail", "fails", "failed", "begin", "begins", "began",
    "start", "starts", "started", "attempt", "attempts", "attempted", "hesitated", "continue",
    "continues", "continued", "rushed", "moved", "took", "vowed", "sought", "managed", "went",
    "goes", "seem", "seems", "seemed", "appear", "appears", "appeared",
}  # fmt: skip
# Verbs that make a modal of "to" ("have to decide", "used to support"): obligation or habit, not
# a statement of the subject's.
_SEMI_MODALS = {"have", "has", "had", "having", "got", "used", "ought"}
# Cue classes whose passive subject is no content: "she added", "they are worried", "the article
# was published" (a document put out says nothing by that).
_NO_PASSIVE_OBJECT = {"add", "cognitive", "publication"}
# Verbs that report a further turn of speech only with a quotation or a clause: "he continued: ...",
# but "continued the inspection", "went on to win", "added a name" are aspect or action.
_CONTINUATION_LEMMAS = {"add", "continue", "go on"}
# Verbs that report only with a clause: "maintained that ...", "proved that ..."; with an object,
# an adjective or an infinitive they are other verbs ("maintained a lead", "proved difficult").
_CLAUSE_LEMMAS = {"maintain", "prove"}
# Verbs that report a view only with "that" or "as": "saw that the race was close", "sees the
# race as a referendum", "is seen as a spoiler"; "saw the crowd", "see you there" are sight. So
# too the participles of perception verbs: "known as the Freedom Caucus", not "well known".
_VIEW_LEMMAS = {"see"}
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})*")  # "271", "1,749"; not a year ("in 2009 agreed")
_ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")  # "AP", "F.B.I.": a name used as a modifier
# Particles that make another verb of a cue: "showed up", "called off", "backed down".
_PARTICLES = {"up", "off", "down", "away"}
_CURRENCY_SIGNS = ("$", "£", "€")
_AMOUNT_WORDS = _APPROXIMATORS | {"more", "less", "than", "at", "least", "some", "an", "another"}
# Prepositions that open a verb's object ("respond to", "disagree with", "complained of") ...
_COMPLEMENT_PREPOSITIONS = {"to", "with", "of", "about", "for", "against", "over", "into"}
# ... and words that set the scene after it, where the object ends ("during a rally").
_SCENE_WORDS = {
    "during", "at", "in", "on", "after", "before", "amid", "since", "while", "when", "as",
    "because", "despite", "following", "throughout", "until", "via", "through",
}  # fmt: skip
# Prepositions that open a phrase of place or time after a cue: "said in a statement Thursday".
_SCENE_PREPOSITIONS = {
    "in", "at", "on", "during", "after", "before", "amid", "via", "through", "following",
}  # fmt: skip
_BARE = {"that", "whether", "if", "how", "why", "what", "when", "where", "who"}
_QUESTION_WORDS = {
    "about",
    "if",
    "whether",
    "what",
    "why",
    "how",
    "who",
    "when",
    "where",
    "to",
    "which",
}
# Documents that can be the source of a finding: "... in the latest poll".
_DOCUMENT_NOUNS = {
    "poll", "polls", "survey", "surveys", "report", "study", "statement", "interview", "letter",
    "memo", "filing", "book", "tweet", "op-ed", "editorial", "column", "speech", "ad", "email",
    "analysis", "lawsuit", "complaint", "indictment", "ruling", "opinion",
}  # fmt: skip
# Documents that hold findings, the source of a clause ending "in the latest poll"; a speech or
# a tweet is where something was said, which a verb reports.
_FINDING_NOUNS = {"poll", "polls", "survey", "surveys", "study", "report", "analysis"}
# Inquiries that find, besides _DOCUMENT_NOUNS: "the inquiry found no evidence".
_INQUIRY_NOUNS = {
    "inquiry", "review", "investigation", "examination", "audit", "research", "probe", "census",
    "data", "analyses", "studies", "reports", "investigations", "reviews", "audits",
}  # fmt: skip
_TITLE_HEADS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "leader",
    "member",
    "chief",
}  # "claims from opposition activists that ..."

# Quotation marks as tokens: curly, straight, guillemets, and the doubled apostrophes and
# backticks some wires (the New York Times archive among them) use for double quotes.
OPENING_QUOTES = frozenset({"“", '"', "«", "„", "''", "``"})
CLOSING_QUOTES = frozenset({"”", '"', "»", "''"})
_MAX_SPEAKER_TOKENS = 25
_MAX_BACKWARD_TAIL = 5  # "the UN said earlier this week," : a tail this short holds no content


class Token(NamedTuple):
    start: int
    end: int
    text: str
    lower: str


@dataclass
class Statement:
    """One attribution: a speaker (maybe none), a cue (maybe none) and one or more content spans."""

    kind: str
    speaker: Span | None
    cue: Span | None
    content: list[Span]
    paragraph: int
    cue_lemma: str = ""
    verb_class: str = ""
    description: Span | None = None  # the speaker's apposition, if any
    refers_to: Span | None = None  # what a relative-pronoun speaker ("who") stands for
    nested: bool = False  # its cue lies inside another statement's content
    negated: bool = False  # "did not say whether ...": the content is what was not said


# --- entry point ----------------------------------------------------------------------------------


def find_statements(
    text: str,
    paragraphs: Sequence[tuple[int, Span, Sequence[Span]]],
    cues: CueLexicon,
    *,
    tags: Mapping[str, str] | None = None,
) -> list[Statement]:
    """Every statement in the given paragraphs: (index, span, sentence spans) of each.

    `tags` maps lowercase words to part-of-speech tags (Penn tags; by default the Pattern lexicon
    that TextBlob ships); it helps tell "said she took the bus" (a clause) from "the reports".
    """
    tags = load_word_tags() if tags is None else tags
    statements: list[Statement] = []
    running = _RunningQuote()
    unclaimed: Span | None = None  # the quotation that made up the paragraph before, unclaimed
    announcing: tuple[int, Span] | None = None  # the paragraph before's last sentence, if ":"
    for index, paragraph, sentences in paragraphs:
        quotes = find_quotes(text, paragraph)
        found: list[Statement] = []
        labelled = _speaker_label(text, index, paragraph, quotes)
        if labelled is not None:
            found.append(labelled)
        if announcing is not None and quotes and quotes[0].start == paragraph.start:
            found.extend(_announced(text, announcing, quotes, cues, statements[-1:], tags))
        for sentence in sentences:
            # the reader looks back at the latest statement only: hand it that, not a copy of all
            latest = found[-1:] or statements[-1:]
            reader = _SentenceReader(text, index, sentence, quotes, cues, latest, tags)
            found.extend(reader.read())
        found.extend(_quote_labels(text, index, paragraph, quotes, found))
        found.extend(_quote_tags(text, index, quotes, found, tags))
        _join_quotes(text, found, quotes, cues, tags)
        # added after the joining, which would reckon its kind from this paragraph's quotations
        credit = _dash_credit(text, index, paragraph, unclaimed)
        if credit is not None:
            found.append(credit)
        running.carry(text, paragraph, quotes, found)
        statements.extend(found)
        whole = [q for q in quotes if q.start == paragraph.start]
        unclaimed = next(
            (q for q in whole if not any(_overlaps(q, c) for s in found for c in s.content)), None
        )
        last = sentences[-1] if sentences else None
        ends_in_colon = last is not None and last.text(text).rstrip().endswith(":")
        announcing = (index, last) if last is not None and ends_in_colon else None
    statements.sort(key=lambda s: (s.content[0].start, s.cue.start if s.cue is not None else 0))
    # a "SMITH: ..." turn runs to its paragraph's end, whatever it reports
    reports = [s for s in statements if s.cue_lemma != ":"]
    _end_contents_at_next_speaker(text, reports)
    _end_contents_at_next_predicate(text, reports)
    _end_relative_clauses(text, reports, cues)
    _mark_nested(statements)
    return [s for s in statements if not (s.nested and _restated(text, s, statements))]


# A content runs on past these into the next clause: "X wants A, and Y wants B", "X wants A
# while Y wants B" (a contrast joins two statements, not a statement and its content).
_CLAUSE_JOINS = re.compile(r"(?:,|;|,?\s+(?:and|but|while|whereas|although|though))\s*$")
# A quotation closes before the next speaker: "X pledged to “fix the roads,” the Tribune said".
_QUOTE_JOIN = re.compile(r",(?:''|[\"”’])\s*$")


def _end_contents_at_next_speaker(text: str, statements: Sequence[Statement]) -> None:
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


def _end_contents_at_next_predicate(text: str, statements: Sequence[Statement]) -> None:
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


def _end_relative_clauses(text: str, statements: Sequence[Statement], cues: CueLexicon) -> None:
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
        if speaker.text(text).lower() not in _RELATIVES | {"that"} or relative.kind == "direct":
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
            ended = _trim_content(text, Span(content.start, start))
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


class _RunningQuote:
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
            owner = next((s for s in found if any(_overlaps(opening, c) for c in s.content)), None)
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
                (s for s in found if any(_overlaps(last, c) for c in s.content)), None
            )
            self.orphan = last if self.statement is None else None


def _open(text: str, quote: Span) -> bool:
    """A quotation left open at its paragraph's end: its last character closes nothing."""
    return text[quote.end - 1] not in '”»"“' and not text[quote.start : quote.end].endswith("''")


# "Q: ...", "KATE BOULDUAN: Why not debate?", "Poll: Trump and Clinton hold narrow leads", and
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


def _announced(
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
    reader = _SentenceReader(
        text, index, Span(sentence.start, quotes[0].end), quotes, cues, earlier, tags
    )
    return [s for s in reader.read() if any(_overlaps(quotes[0], c) for c in s.content)]


# "- Bernie Sanders.": a paragraph that only credits the quotation above it, as fact checks do.
_DASH_CREDIT = re.compile(r"[-–—] ?((?:[A-Z][\w.'’-]*)(?: [A-Z][\w.'’-]*){0,3})\.?")


def _dash_credit(text: str, index: int, paragraph: Span, quote: Span | None) -> Statement | None:
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
    )


# A speaker's turn in a transcript ends a sentence: "TAPPER: Why not debate?"
_SENTENCE_END = re.compile(r"""[.?!]['"”’)]*\s*$""")


def _speaker_label(
    text: str, index: int, paragraph: Span, quotes: Sequence[Span]
) -> Statement | None:
    # search the paragraph's head on its own: "^" matches only where the searched string starts
    head = text[paragraph.start : min(paragraph.end, paragraph.start + 80)]
    match = _LABEL.search(head)
    if match is None:
        return None
    start, colon = paragraph.start + match.start(1), paragraph.start + match.end(1)
    if any(q.start < start < q.end for q in quotes):
        return None
    if match.group(1).lower().split()[-1] in _HEADLINE_KICKERS:
        return None  # "Breaking: ...", "The Latest: ...": a kind of news, not who said it
    if paragraph.start > 0 and not _SENTENCE_END.search(text, paragraph.start, paragraph.end):
        return None  # inside an article, "Iowa: 23 delegates" is a table row, not a speaker's turn
    content = _trim_content(text, Span(paragraph.start + match.end(), paragraph.end))
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
    )


# "... - Pew Research: “...”", "Rep. Jane Roe (R-Ohio): "..."": a name and a colon just before a
# quotation that no cue claimed introduce it.
_QUOTE_LABEL = re.compile(
    r"(?<![\w’'])((?:[A-Z][\w.'’-]*)(?: (?:[A-Z][\w.'’-]*|of|the|de|al)){0,4}"
    r"(?: \([^()]{1,20}\))?) ?: *$"
)

_POSSESSIVE = re.compile(r"\w['’]s? ")


def _quote_labels(
    text: str, index: int, paragraph: Span, quotes: Sequence[Span], found: Sequence[Statement]
) -> list[Statement]:
    """Statements for unclaimed quotations that a "Name:" label introduces: "The survey's
    authors agree - Jane Roe: “Turnout will be low.”" """
    labelled = []
    for quote in quotes:
        if any(_overlaps(quote, c) for s in found for c in s.content):
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
            )
        )
    return labelled


# '“...,” Jane Roe barked.', '“...,” the group states in a letter': a quotation that ends in a
# comma, then a short subject and a verb that ends the sentence or takes "in"/"on" after it; the
# verb, whatever it is, tags the quotation.
_QUOTE_TAG = re.compile(
    r" ((?:[A-Z][\w.'’-]*|the|a|an)(?: (?:[\w'’-]+|[A-Z]\.)){0,5}) ([a-z]+)(?:\.| in | on )"
)


def _quote_tags(
    text: str,
    index: int,
    quotes: Sequence[Span],
    found: Sequence[Statement],
    tags: Mapping[str, str],
) -> list[Statement]:
    """Statements for unclaimed quotations tagged by a verb outside the cue lexicon:
    '“We will appeal,” the lawyer vows.'"""
    tagged = []
    for quote in quotes:
        if text[quote.end - 2 : quote.end - 1] != "," or any(
            _overlaps(quote, c) for s in found for c in s.content
        ):
            continue
        match = _QUOTE_TAG.match(text, quote.end)
        # the lexicon knows "answers" and "states" as plural nouns; here they can only be verbs
        if match is None or tags.get(match.group(2), "VBD") not in _FINITE_TAGS | {"NNS"}:
            continue
        if any(tags.get(w.lower(), "NN") in _VERB_TAGS for w in match.group(1).split()):
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
            )
        )
    return tagged


def _join_quotes(
    text: str,
    statements: Sequence[Statement],
    quotes: Sequence[Span],
    cues: CueLexicon,
    tags: Mapping[str, str],
) -> None:
    """Give a quoted statement the quotations its tag interrupts: “A,” she said, “B.” is one
    statement with two content fragments, as in PARC and PolNeAR, not one quote and an orphan."""
    claimed = {q for q in quotes for s in statements for c in s.content if _overlaps(q, c)}
    for statement in statements:
        if statement.cue is None or statement.nested or statement.kind == "indirect":
            continue
        tag = [statement.cue] + ([statement.speaker] if statement.speaker is not None else [])
        tag_start = min(span.start for span in tag)
        tag_end = max(span.end for span in [*tag, *statement.content])
        before = [q for q in quotes if q not in claimed and q.end <= tag_start]
        if before and _only_glue(text, before[-1].end, tag_start, cues, tags):
            statement.content.insert(0, before[-1])
            claimed.add(before[-1])
        position = tag_end
        for quote in (q for q in quotes if q.start >= position):
            if quote in claimed or not _only_glue(text, position, quote.start, cues, tags):
                break
            statement.content.append(quote)
            claimed.add(quote)
            position = quote.end
        statement.kind = statement_kind(text, statement.content, quotes)


def _only_glue(text: str, start: int, end: int, cues: CueLexicon, tags: Mapping[str, str]) -> bool:
    """Whether the text between two quotation pieces is only punctuation or the tag's own words
    ("in an interview", "a senator from Ohio"): no other verb, no other cue."""
    words = re.findall(r"[\w'’]+", text[start:end].lower())
    if len(words) > 25:
        return False
    return not any(w in cues.cues or tags.get(w) in _FINITE_TAGS or w in _FINITE for w in words)


def _mark_nested(statements: Sequence[Statement]) -> None:
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


# Part-of-speech tags of a word that opens a noun phrase: "the", "his", "new", "plans".
_OBJECT_OPENERS = {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "CD"}
_EMBEDDED_QUOTE = 40  # characters; a longer quotation before a verb is what the verb reports
_LONG_CONTENT = 2000  # characters; the few longer contents are checked for every cue

# Personal pronouns that, opening a reported clause, refer back to its speaker: "they want".
_RESTATING_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they"}


def _restated(text: str, statement: Statement, statements: Sequence[Statement]) -> bool:
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


# --- quotations -----------------------------------------------------------------------------------


_QUOTE_MARK = re.compile(r"'''?|``|[“”\"«»„]")


# An opening mark after a clause's punctuation and before a space closes a quotation.
_MISTYPED_CLOSE = re.compile(r"[,.?!]“(?=\s|$)")


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
        elif mark == "“" and opened is not None and _MISTYPED_CLOSE.match(text, position - 1):
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


# --- tokens ----------------------------------------------------------------------------------------

# Abbreviations keep their period, so "Mr." or "Sen." does not end a clause; numbers keep their
# separators, so "2,000" is one word, not a clause boundary.
_ABBREVIATIONS = "|".join((*TITLE_ABBREVIATIONS, *OTHER_ABBREVIATIONS))
_TOKEN = re.compile(
    rf"'''?|``|--|(?:[A-Za-z]\.){{2,}}|(?:{_ABBREVIATIONS})\.|[A-Z]\.(?=\s+[A-Z])"
    r"|\d+(?:[.,]\d+)+|\w+(?:[-'’]\w+)*|n't|[^\w\s]"
)


def tokenize(text: str, span: Span) -> list[Token]:
    return [_token(text, m) for m in _TOKEN.finditer(text, span.start, span.end)]


def _token(text: str, match: re.Match[str]) -> Token:
    """A token, its quote marks read as what they mean: a mistyped close '“' as '”', and a
    doubled apostrophe that closes a nested single one ("...,'''") as the doubled mark."""
    word = match.group()
    if word == "'''" or (word == "“" and _MISTYPED_CLOSE.match(text, match.start() - 1)):
        word = "''" if word == "'''" else "”"
    return Token(match.start(), match.end(), word, word.lower())


def _is_punct(token: Token) -> bool:
    return not token.text[0].isalnum()


def _is_boundary_punct(token: Token) -> bool:
    return token.text in {",", "–", "—", "--", "(", ")", ";", ":"} or (token.text == "-")


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
        self.quotes = quotes
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
        """ "Trump leads by 57 percent to 33 percent in the 50-state poll", "In the latest polls, he
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
                # fronted: "In the new Post-ABC poll, the mogul wins about 1 in 3 voters."
                if after >= len(self.tokens) - 1 or self.tokens[after].text != ",":
                    continue
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
                kind=statement_kind(self.text, content, self.quotes),
                speaker=noun,
                cue=Span(token.start, token.end),
                content=content,
                paragraph=self.paragraph,
                cue_lemma="in",
                verb_class="neutral",
            )
        return None

    def _document_phrase(self, index: int) -> list[Token]:
        """ "the most recent YouGov/Economist survey": a noun phrase of at most ten words from
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
        if not words or words[0].lower not in _NOUN_MARKERS or len(words) > 10:
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
        return any(q.start < offset < q.end for q in self.quotes)

    def _inner_quoted(self, index: int) -> bool:
        """Quoted and not the last mark before the closing quote ('as “Medicare for all,” she')."""
        following = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
        closes = following is not None and following.text in CLOSING_QUOTES
        return self._quoted(self.tokens[index].start) and not closes

    def _quote_at(self, offset: int) -> Span | None:
        return next((q for q in self.quotes if q.start <= offset < q.end), None)

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
        if (cue.lemma in _VIEW_LEMMAS or perceived) and not self._as_complement(last + 1):
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
            # "Trump tried to defend his remarks": the subject of "tried" is the source; but
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
            return self._fronted(first, last, cue)  # "Said Dorothy Poynter, who grew up ..., “...”"
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
        while index >= 0 and self.tags.get(self.tokens[index].lower) in {"RB", "RBR", "RBS"}:
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
        """ "When asked by a reporter whether ..., Ruiz said", "Asked in Dayton recently about
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
            # ...", "Dana Ruiz, a former chairman, became a delegate and said ..."
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
        # "criticized Clinton during a rally", "did not respond to interview requests": an
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
            # "Still, he said, officials have to decide": the tag interrupts the content
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
        a subject's aside ("Obama, who has denounced the attack,") or apposition."""
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
        "said on CNN, where he is a paid contributor, that the campaign ...", "said, among other
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
        opening = not any(
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
        """ "She escalated her attacks on X", "Cruz has signaled his desire to ...": a pronoun
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
                return False  # "some voters who have listened to him, ..., said"
            if token.text[0].islower() and (self._finite_verb(token) or _negation(token)):
                return True  # lowercase: "Yin Myint May, 60, said" has no verb
        return False

    def _embedded_subject(self, segment: list[Token]) -> list[Token]:
        """The subject of a clause embedded right before the verb: "questions she preferred not
        to answer" -> "she", "someone whom Mr. Trump views as a peer" -> "Mr. Trump"; else the
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
            return segment[relative + 1 :]  # "someone whom Mr. Trump views as a peer"
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
        for quote in self.quotes:
            if quote.end <= self.sentence.start and not self.text[
                quote.end : self.sentence.start
            ].strip(" ,"):
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
        return any(
            q.end <= offset and not self.text[q.end : offset].strip(" ,") for q in self.quotes
        )

    def _quote_reported_before(self) -> bool:
        """Whether the quotation closing before this sentence is already the content of the
        statement before: in 'The aide said “We are done.” A spokesman declined to comment.'
        the spokesman's refusal does not take the aide's words."""
        before = [q for q in self.quotes if q.end <= self.sentence.start]
        previous = self.earlier[-1] if self.earlier else None
        return (
            bool(before)
            and previous is not None
            and previous.cue is not None
            and previous.cue.end <= before[-1].start
            and any(_overlaps(before[-1], c) for c in previous.content)
        )

    def _quote_opens_sentence(self, offset: int) -> bool:
        """Whether the quotation closing before `offset` opens this sentence and ends in a comma
        ('“...,” Clinton told'), not an earlier sentence ('“...” He said') or an aside."""
        before = [q for q in self.quotes if q.end <= offset]
        if not before or before[-1].end <= self.sentence.start:
            return False
        quote = before[-1]
        opening = self.text[self.sentence.start : max(quote.start, self.sentence.start)]
        closing = self.text[quote.start : quote.end].rstrip("”\"'» ")
        return not any(ch.isalnum() for ch in opening) and closing.endswith(",")

    def _sentence_subject(self, before: int) -> Span | None:
        """The main clause's first noun phrase, up to its first finite verb, past a dateline and
        a fronted subordinate clause: "Once he was in office, Obama made peace a priority"."""
        opening = self._main_clause_start(before)
        tokens = self.tokens[opening:before]
        verb = next((end for end, t in enumerate(tokens) if self._verbish(t)), None)
        if verb is None and not (tokens and tokens[-1].text == ","):
            return None  # with no verb yet, only "Mr. Biden, recalling ...," has its subject
        segments = [
            s
            for s in map(_past_time_phrase, _segments(tokens[:verb]))
            if s and not _introductory(s) and not _dateline(s)
        ]
        return self._np(segments[0]) if segments else None

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
            kind=statement_kind(self.text, content, self.quotes),
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


# --- helpers over token lists ----------------------------------------------------------------------


def _segments(region: list[Token]) -> list[list[Token]]:
    """The region split at commas, dashes and brackets: subject, appositions, modifiers."""
    segments: list[list[Token]] = [[]]
    for token in region:
        if _is_boundary_punct(token):
            segments.append([])
        else:
            segments[-1].append(token)
    return segments


def _document_head(token: Token) -> bool:
    """A poll, survey, study or report: a document that can source a finding."""
    return token.lower in _FINDING_NOUNS


def _complementizer(tokens: list[Token], index: int) -> bool:
    """A colon, or a "that" that opens a clause: not the determiner of "that night"."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return token.text == ":" or (
        token.lower == "that" and (following is None or following.lower not in _TIME_WORDS)
    )


def _before_complement(token: Token) -> bool:
    """Words that may stand between a cue and its "that": "told reporters on Sunday that"."""
    return (
        token.lower in _TIME_WORDS
        or token.lower in _PREPOSITIONS
        or token.lower in _ADDRESSEES
        or token.lower.endswith("ly")
        or token.text[0].isupper()
        or token.text == ","
    )


def _pronoun_clitic(token: Token) -> bool:
    """ "he's", "it’s", "there's": a pronoun with its verb opens a clause, so the word before it
    is a verb ("Smith claims he's rich"), not a noun heading that verb's subject."""
    pronoun, _, clitic = token.lower.replace("’", "'").partition("'")
    return pronoun in _SUBJECT_PRONOUNS and clitic in {"s", "d", "re", "ll", "ve", "m"}


def _negation(token: Token) -> bool:
    """ "not", "never", "didn't": a negated cue is still an attribution ("did not mention")."""
    return token.lower in _NEGATIONS - {"neither", "nor", "no"} or token.lower.endswith(
        ("n't", "n’t")
    )


def _base(token: Token) -> str:
    """The word without a clitic: "he’s" -> "he"."""
    return re.split(r"['’]", token.lower, maxsplit=1)[0]


def _contracted(token: Token) -> bool:
    """ "he’s", "wasn't", "they’ll": a clitic that is a finite verb."""
    return bool(re.search(r"(?:n['’]t|['’](?:s|re|ll|ve|d|m))$", token.lower))


def _clitic_verb(token: Token) -> bool:
    """ "he's", "wasn't", "they'll", but not "Ruiz's", which is a possessive as often."""
    return _contracted(token) and (
        not token.lower.endswith(("'s", "’s")) or _base(token) in _SUBJECT_PRONOUNS
    )


def _adverbial(tail: list[Token]) -> bool:
    """Words after a cue that add only when, where or how: "earlier this week", "in an interview";
    not an infinitive ("plans to cast"), which is what the source intends."""
    if tail and tail[0].lower == "to" and len(tail) > 1 and tail[1].lower not in _ADDRESSEES:
        return not tail[1].text[0].islower() and all(_before_complement(t) for t in tail)
    return not tail or tail[0].lower in _PREPOSITIONS or all(_before_complement(t) for t in tail)


def _approximate_number(tokens: list[Token]) -> bool:
    """ "About four in 10", "nearly 40 percent", "At least half of farmers": a subject, though it
    opens with a preposition."""
    if len(tokens) > 2 and tokens[0].lower == "at" and tokens[1].lower == "least":
        tokens = tokens[1:]
    return (
        len(tokens) > 1
        and tokens[0].lower in _APPROXIMATORS | {"least"}
        and (tokens[1].text[0].isdigit() or tokens[1].lower.split("-")[0] in _NUMBER_WORDS)
    )


_NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "a",
}  # fmt: skip


def _relative_opener(segment: list[Token]) -> bool:
    """ "who rebel leaders say", "in which he said": a relative clause whose subject follows."""
    return len(segment) > _relative_length(segment) > 0


def _relative_length(segment: list[Token]) -> int:
    """How many words open a relative clause: 1 for "who", 2 for "in which", else 0."""
    if segment and segment[0].lower in _RELATIVES:
        return 1
    pied = len(segment) > 1 and segment[0].lower in _PREPOSITIONS
    return 2 if pied and segment[1].lower in {"which", "whom"} else 0


def _modifier(segment: list[Token]) -> bool:
    """A reduced relative or participle phrase: "sent to the news agency by rebel officials"."""
    word = segment[0]
    if not word.text[0].islower():
        return False
    return (
        word.lower in _IRREGULAR_PARTICIPLES
        or word.lower.endswith("ed")
        or word.lower.endswith("ing")
        or word.lower in _RELATIVES
    )


def _apposition(segment: list[Token]) -> bool:
    """ "a spokesman for ...", "the head of ...": a description of the subject before it."""
    return segment[0].lower in {"a", "an", "the"} or segment[0].lower in _TITLE_HEADS


def _name_like(segment: list[Token]) -> bool:
    """ "Amin Malhees", "US Secretary of State John Kerry": capitalized words, short."""
    return len(segment) <= 6 and all(
        t.text[0].isupper() or t.lower in {"of", "the", "de", "al", "for", "and"} for t in segment
    )


def _introductory(segment: list[Token]) -> bool:
    """A fronted phrase that is not the subject: "Speaking to The New Arab", "On Sunday",
    "Reached by phone"."""
    if len(segment) > 1 and segment[0].lower in _LEADING_ADVERBS:
        segment = segment[1:]
    word = segment[0]
    return (
        word.lower in _PREPOSITIONS | _FRONTED_PREPOSITIONS
        or (word.lower.endswith("ed") and len(segment) > 1 and segment[1].lower in _PREPOSITIONS)
        or word.lower in _IRREGULAR_PARTICIPLES
        or word.lower.endswith("ing")
        or (word.lower in _LEADING_ADVERBS and len(segment) == 1)
        or all(t.lower in _TIME_WORDS or t.lower in _PREPOSITIONS for t in segment)
    )


def _without_time(tokens: list[Token]) -> list[Token]:
    """A noun phrase without the time that closes it: "Gwen Graham on Friday" -> "Gwen Graham",
    "A few minutes" -> nothing; not "USA Today", where the time word ends a name, nor "a poll
    released Monday", where it belongs to a modifier."""
    end = len(tokens)
    while end > 0 and (tokens[end - 1].lower in _TIME_WORDS | _TIME_UNITS):
        end -= 1
    if end == len(tokens):
        return tokens
    cut = end - 1 if end > 0 and tokens[end - 1].lower in _PREPOSITIONS else end
    if cut > 0 and tokens[cut - 1].lower.endswith(("ed", "ing")):
        return tokens  # "a poll released Monday", "voters going to the polls on Tuesday"
    if cut < end:
        return tokens[:cut]
    if end > 0 and tokens[end - 1].text[0].isupper() and tokens[end].text[0].isupper():
        return tokens  # "USA Today"
    if all(t.lower in _NOUN_MARKERS | _QUANTIFIER_PRONOUNS | {"a", "few"} for t in tokens[:end]):
        return []  # "a few days", "Sunday"
    return tokens[:end]


def _past_time_phrase(segment: list[Token]) -> list[Token]:
    """ "On Sunday morning Mr. Trump" -> "Mr. Trump": a fronted time phrase with no comma."""
    if len(segment) < 3 or segment[0].lower not in _PREPOSITIONS:
        return segment
    index = 1
    while index < len(segment) and segment[index].lower in _TIME_WORDS:
        index += 1
    return segment[index:] if index > 1 else segment


def _dateline(segment: list[Token]) -> bool:
    """ "WASHINGTON (AP) — Sen. X said": the place and the wire before the story, no subject."""
    return all(t.text.isupper() and len(t.text) > 1 for t in segment)


def _within(span: Span | None, offset: int) -> bool:
    return span is not None and span.start <= offset < span.end


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _trim_content(text: str, span: Span) -> Span:
    """Content without surrounding white space and without the sentence's own final punctuation."""
    span = span.stripped(text)
    start, end = span.start, span.end
    while (
        end > start
        and text[end - 1] in ".,;:–—-"
        and not _ABBREVIATION_END.search(text, start, end)
    ):
        end -= 1
    return Span(start, end).stripped(text)


# "U.S.", "Roe v. Wade", "Sen.": a final period that belongs to the word
_ABBREVIATION_END = re.compile(rf"(?:\b(?:[A-Za-z]\.){{2,}}|\b(?:{_ABBREVIATIONS})\.)$")


def statement_kind(text: str, content: Sequence[Span], quotes: Sequence[Span]) -> str:
    """direct: every content fragment is one quotation; mixed: quoted words inside reported speech;
    indirect: no quotation."""
    inside = [q for q in quotes if any(c.start <= q.start and q.end <= c.end + 1 for c in content)]
    if not inside:
        return "indirect"
    for fragment in content:
        quote = next(
            (q for q in inside if fragment.start <= q.start and q.end <= fragment.end + 1), None
        )
        if quote is None:
            return "mixed"
        outside = text[fragment.start : quote.start] + text[quote.end : fragment.end]
        if any(ch.isalnum() for ch in outside):
            return "mixed"
    return "direct"
