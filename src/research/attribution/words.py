"""Closed-class words, quotation marks and tokens: the grammar the attribution rules read."""

from __future__ import annotations

import re

from research.schema import Span
from research.text import (
    ABBREVIATIONS,
    BE,
    BOUNDARY_PUNCT,
    RELATIVES,
    Token,
)

# --- closed-class words the rules rely on (grammar, not lexicon data) ---------------------------

# Between a speaker and its verb: "Ryabkov has also said", "the UN said earlier".
AUXILIARIES = {
    "has", "have", "had", "was", "is", "were", "are", "will", "would", "also", "previously",
    "later", "earlier", "again", "then", "repeatedly", "once", "did", "does", "do", "recently",
    "publicly", "privately", "already", "further", "often", "could", "may", "might",
    "reportedly", "separately", "last", "yesterday", "today", "subsequently", "initially",
    "now", "still", "widely", "generally", "commonly", "long", "being", "been", "be", "can",
    "should", "must", "first",
}  # fmt: skip
# Adverbs of time that the tag lexicon reads as adjectives: "was first reported by".
TIME_ADJECTIVES = {"first", "last", "long", "further"}
# Finite verbs that mark a clause after a cue without "that": "said no deal was near".
FINITE = {
    "is", "are", "was", "were", "had", "has", "have", "would", "will", "could", "can", "should",
    "must", "may", "might", "did", "does", "do", "'s", "’s", "wo", "remains", "remained",
}  # fmt: skip
# Verbs whose object is the addressee: "told a crowded hall in Baltimore that ...".
ADDRESSEE_VERBS = {"tell", "remind", "assure", "inform", "warn", "notify", "brief", "promise"}
NOT_NOUNS = {"RB", "RBR", "RBS", "JJ", "IN", "CC", "DT", "TO"}
# Quantifiers that stand alone as a subject: "Several said ...", "Others say ...".
QUANTIFIER_PRONOUNS = {
    "several", "some", "many", "others", "another", "most", "few", "both", "all", "none", "one",
}  # fmt: skip
# Approximators before a number that make a subject, not a prepositional phrase: "About 40 said".
APPROXIMATORS = {"about", "around", "over", "nearly", "almost", "roughly"}
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
VERB_TAGS = FINITE_TAGS | {"VBN"}
# Pronouns that can only be a subject: "the queries she chose to skip".
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they", "it"}
SUBJECT_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "there", "this", "these", "those"}
# The verb group of a cue, kept in the cue span: "has also said", "would have said".
VERB_GROUP = {
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must",
    "did", "does", "do", "also", "is", "are", "was", "were", "be", "been", "being", "once",
    "first",
}  # fmt: skip
# Words that attach a participle cue to the clause's subject: "by saying", "while praising".
PARTICIPLE_LINKS = {"by", "while", "after", "before", "when", "without", "in", "and", "also"}
# Words before a cue form that make it a noun: "the claims", "their plans", "its views".
NOUN_MARKERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "whose", "such", "no", "every", "each", "any", "some",
}  # fmt: skip
PASSIVE = BE
ADDRESSEES = {
    "the", "a", "an", "reporters", "journalists", "news", "agency", "conference", "statement",
    "interview", "briefing", "television", "radio", "newspaper", "him", "her", "them", "us", "me",
    "lawmakers", "parliament", "congress", "committee", "audience", "crowd", "supporters",
}  # fmt: skip
NEGATIONS = {"not", "never", "n't", "neither", "nor", "no"}
# Words that open a clause: the speaker of a later verb cannot reach back over them.
CLAUSE_OPENERS = {
    "that", "but", "while", "whereas", "although", "though", "because", "since", "if", "unless",
    "when", "after", "before", "so", "yet", "as", "where", "why", "how", "what",
}  # fmt: skip
# Determiners that open a speaker named after its verb: "said the chairman", "said one aide".
SPEAKER_DETERMINERS = {"the", "a", "an", "one", "two"}
# Words that open a fronted subordinate clause; the main clause follows its comma.
SUBORDINATORS = {
    "when", "while", "whereas", "although", "though", "because", "since", "if", "as", "after",
    "before", "once", "until", "unless",
}  # fmt: skip
DATELINE_DASHES = {"—", "–", "-", "--", "―"}
# A speaker is not introduced by these: "Meanwhile rebel groups said" has the speaker "rebel groups".
LEADING_ADVERBS = {
    "and", "but", "meanwhile", "however", "also", "still", "yet", "so", "then", "now", "later",
    "earlier", "instead", "separately", "moreover", "indeed", "thus", "here", "there", "even",
    "only", "just", "perhaps", "maybe", "certainly", "apparently", "reportedly",
}  # fmt: skip
# What a fronted "according to X, ..." can follow and still open its own clause.
CLAUSE_BREAKS = {"that", ":", ";"}
PREPOSITIONS = {
    "on", "in", "at", "to", "during", "after", "before", "from", "via", "by", "through", "over",
    "with", "for", "amid", "despite", "under", "about", "of", "into", "within", "without", "against",
}  # fmt: skip
# Prepositions that open a fronted phrase, not a subject: "Like Trump, they ...".
FRONTED_PREPOSITIONS = {
    "like", "unlike", "alongside", "outside", "inside", "throughout", "among", "amongst", "beyond",
    "besides", "across", "toward", "towards", "near", "upon", "between", "until", "since", "beside",
}  # fmt: skip
IRREGULAR_PARTICIPLES = {
    "sent", "made", "given", "known", "held", "seen", "taken", "written", "led", "told", "shown",
    "chosen", "driven", "brought", "caught", "left", "kept", "put", "set", "quoted", "cited",
    "speaking", "commenting", "writing", "according",
}  # fmt: skip
TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "month",
    "year", "morning", "afternoon", "evening", "night", "weekend", "today", "yesterday", "tonight",
    "earlier", "later", "recently", "last", "this", "next", "previously", "again", "past",
}  # fmt: skip
# Particles between a verb and its object: "stepped up his attacks", "doubled down on its claim".
OBJECT_PARTICLES = {"up", "down", "on", "off", "out", "back", "also"}
# Words that float after a subject: "Obama himself said", "Reid and Schumer both said".
FLOATING = {"himself", "herself", "itself", "themselves", "myself", "ourselves", "both", "all"}
# Words that join time words in a fronted time phrase: "Early Tuesday", "The day before".
TIME_MODIFIERS = {"early", "late", "the", "day", "same", "before", "after"}
# Lengths of time that close a time phrase: "A few minutes later", "two days".
TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "moments"}
NOUN_CUE_LINKS = {"from", "by", "of"}
# Participles that say what the noun phrase before them holds or says: "voters backing Trump",
# "a sign saying ...", "protesters calling for ..." (most others there are actions).
HOLDING_PARTICIPLES = {
    "say", "support", "back", "oppose", "seek", "call", "call for", "claim", "allege", "warn",
    "urge", "demand", "ask", "favor", "prefer", "want", "endorse", "criticize", "accuse",
}  # fmt: skip
# Verbs that put out a statement or make remarks: "issued a statement saying ...", "put out a
# statement that", "made comments about".
ISSUING_VERBS = {
    "issue", "issues", "issued", "issuing", "release", "releases", "released", "releasing",
    "make", "makes", "made", "making",
    "out",  # "put out", "sent out"
}  # fmt: skip
# Determiners between such a verb and its noun: "made several comments", "won the endorsement".
OBJECT_DETERMINERS = {"a", "an", "the", "several", "similar"}
# Noun cues of things said, which an issuing verb puts out.
SAYING_NOUNS = {"statement", "comment", "remark"}
# Words after a noun that a verb never takes next: "support among voters", "the report is".
NOUN_FOLLOWERS = {"from", "among", "is", "was", "has", "remains"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its", "our", "my", "your"}
# Words before a cue word that make it a noun: "in a statement", "in her remarks".
NOUN_DETERMINERS = OBJECT_DETERMINERS | POSSESSIVE_PRONOUNS
# Noun cues that name a stance someone took even with no owner before them ("drew criticism from
# unions", "won the endorsement of the union", "criticism of the plan"); other noun cues read
# bare are mostly something else ("attacks" in Paris) or report nothing ("his comments").
STANCE_NOUNS = {"criticism", "endorsement"}
# Verbs whose subject receives a stance from others ("drew criticism from", "won the endorsement
# of", "came under criticism"): the subject is what the stance is about, not its source.
RECEIVING_VERBS = {
    "draw", "draws", "drew", "drawn", "drawing", "face", "faces", "faced", "facing", "receive",
    "receives", "received", "receiving", "win", "wins", "won", "winning", "earn", "earns",
    "earned", "earning", "attract", "attracts", "attracted", "attracting", "spark", "sparks",
    "sparked", "sparking", "get", "gets", "got", "gotten", "getting", "secure", "secures",
    "secured", "securing", "garner", "garnered", "garners", "endure", "endured", "endures",
    "under", "up",  # "came under criticism", "picked up the endorsement"
}  # fmt: skip
# Verbs whose subject is also the subject of the infinitive after them: "tried to defend".
CONTROL_VERBS = {
    "try", "tries", "tried", "trying", "fail", "fails", "failed", "begin", "begins", "began",
    "start", "starts", "started", "attempt", "attempts", "attempted", "hesitated", "continue",
    "continues", "continued", "rushed", "moved", "took", "vowed", "sought", "managed", "went",
    "goes", "seem", "seems", "seemed", "appear", "appears", "appeared",
}  # fmt: skip
# Verbs that make a modal of "to" ("have to decide", "used to support"): obligation or habit, not
# a statement of the subject's.
SEMI_MODALS = {"have", "has", "had", "having", "got", "used", "ought"}
# Cue classes whose passive subject is no content: "she added", "they are worried", "the article
# was published" (a document put out says nothing by that).
NO_PASSIVE_OBJECT = {"add", "cognitive", "publication"}
# Verbs that report a further turn of speech only with a quotation or a clause: "he continued: ...",
# but "continued the inspection", "went on to win", "added a name" are aspect or action.
CONTINUATION_LEMMAS = {"add", "continue", "go on"}
# Verbs that report only with a clause: "maintained that ...", "proved that ..."; with an object,
# an adjective or an infinitive they are other verbs ("maintained a lead", "proved difficult").
CLAUSE_LEMMAS = {"maintain", "prove"}
# Verbs that report a view only with "that" or "as": "saw that the race was close", "sees the
# race as a referendum", "is seen as a spoiler"; "saw the crowd", "see you there" are sight. So
# too the participles of perception verbs: "known as the Freedom Caucus", not "well known".
VIEW_LEMMAS = {"see"}
COUNT = re.compile(r"\d{1,3}(?:,\d{3})*")  # "271", "1,749"; not a year ("in 2009 agreed")
ACRONYM = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")  # "AP", "F.B.I.": a name used as a modifier
# Particles that make another verb of a cue: "showed up", "called off", "backed down".
PARTICLES = {"up", "off", "down", "away"}
CURRENCY_SIGNS = ("$", "£", "€")
AMOUNT_WORDS = APPROXIMATORS | {"more", "less", "than", "at", "least", "some", "an", "another"}
# Prepositions that open a verb's object ("respond to", "disagree with", "complained of") ...
COMPLEMENT_PREPOSITIONS = {"to", "with", "of", "about", "for", "against", "over", "into"}
# ... and words that set the scene after it, where the object ends ("during a rally").
SCENE_WORDS = {
    "during", "at", "in", "on", "after", "before", "amid", "since", "while", "when", "as",
    "because", "despite", "following", "throughout", "until", "via", "through",
}  # fmt: skip
# Prepositions that open a phrase of place or time after a cue: "said in a statement Thursday".
SCENE_PREPOSITIONS = {
    "in", "at", "on", "during", "after", "before", "amid", "via", "through", "following",
}  # fmt: skip
BARE = {"that", "whether", "if", "how", "why", "what", "when", "where", "who"}
QUESTION_WORDS = {
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
DOCUMENT_NOUNS = {
    "poll", "polls", "survey", "surveys", "report", "study", "statement", "interview", "letter",
    "memo", "filing", "book", "tweet", "op-ed", "editorial", "column", "speech", "ad", "email",
    "analysis", "lawsuit", "complaint", "indictment", "ruling", "opinion",
}  # fmt: skip
# Documents that hold findings, the source of a clause ending "in the latest poll"; a speech or
# a tweet is where something was said, which a verb reports.
FINDING_NOUNS = {"poll", "polls", "survey", "surveys", "study", "report", "analysis"}
# Inquiries that find, besides DOCUMENT_NOUNS: "the inquiry found no evidence".
INQUIRY_NOUNS = {
    "inquiry", "review", "investigation", "examination", "audit", "research", "probe", "census",
    "data", "analyses", "studies", "reports", "investigations", "reviews", "audits",
}  # fmt: skip
TITLE_HEADS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "head",
    "leader",
    "member",
    "chief",
}  # "claims from opposition activists that ..."

MAX_SPEAKER_TOKENS = 25
MAX_BACKWARD_TAIL = 5  # "the UN said earlier this week," : a tail this short holds no content
# Part-of-speech tags of a word that opens a noun phrase: "the", "his", "new", "plans".
OBJECT_OPENERS = {"DT", "PRP$", "JJ", "NN", "NNS", "NNP", "CD"}
EMBEDDED_QUOTE = 40  # characters; a longer quotation before a verb is what the verb reports


# --- helpers over token lists ----------------------------------------------------------------------


def split_segments(region: list[Token]) -> list[list[Token]]:
    """The region split at commas, dashes and brackets: subject, appositions, modifiers."""
    segments: list[list[Token]] = [[]]
    for token in region:
        if token.text in BOUNDARY_PUNCT:  # is_boundary_punct, without a call for each token
            segments.append([])
        else:
            segments[-1].append(token)
    return segments


def document_head(token: Token) -> bool:
    """A poll, survey, study or report: a document that can source a finding."""
    return token.lower in FINDING_NOUNS


def complementizer(tokens: list[Token], index: int) -> bool:
    """A colon, or a "that" that opens a clause: not the determiner of "that night"."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return token.text == ":" or (
        token.lower == "that" and (following is None or following.lower not in TIME_WORDS)
    )


def before_complement(token: Token) -> bool:
    """Words that may stand between a cue and its "that": "told reporters on Sunday that"."""
    return (
        token.lower in TIME_WORDS
        or token.lower in PREPOSITIONS
        or token.lower in ADDRESSEES
        or token.lower.endswith("ly")
        or token.text[0].isupper()
        or token.text == ","
    )


def pronoun_clitic(token: Token) -> bool:
    """ "he's", "it’s", "there's": a pronoun with its verb opens a clause, so the word before it
    is a verb ("Smith claims he's rich"), not a noun heading that verb's subject."""
    pronoun, _, clitic = token.lower.replace("’", "'").partition("'")
    return pronoun in SUBJECT_PRONOUNS and clitic in {"s", "d", "re", "ll", "ve", "m"}


def negation(token: Token) -> bool:
    """ "not", "never", "didn't": a negated cue is still an attribution ("did not mention")."""
    return token.lower in NEGATIONS - {"neither", "nor", "no"} or token.lower.endswith(
        ("n't", "n’t")
    )


_APOSTROPHE = re.compile(r"['’]")
_CONTRACTED = re.compile(r"(?:n['’]t|['’](?:s|re|ll|ve|d|m))$")


def word_base(token: Token) -> str:
    """The word without a clitic: "he’s" -> "he"."""
    return _APOSTROPHE.split(token.lower, maxsplit=1)[0]


def contracted(token: Token) -> bool:
    """ "he’s", "wasn't", "they’ll": a clitic that is a finite verb."""
    return _CONTRACTED.search(token.lower) is not None


def clitic_verb(token: Token) -> bool:
    """ "he's", "wasn't", "they'll", but not "Ruiz's", which is a possessive as often."""
    return contracted(token) and (
        not token.lower.endswith(("'s", "’s")) or word_base(token) in SUBJECT_PRONOUNS
    )


def adverbial(tail: list[Token]) -> bool:
    """Words after a cue that add only when, where or how: "earlier this week", "in an interview";
    not an infinitive ("plans to cast"), which is what the source intends."""
    if tail and tail[0].lower == "to" and len(tail) > 1 and tail[1].lower not in ADDRESSEES:
        return not tail[1].text[0].islower() and all(before_complement(t) for t in tail)
    return not tail or tail[0].lower in PREPOSITIONS or all(before_complement(t) for t in tail)


def approximate_number(tokens: list[Token]) -> bool:
    """ "About four in 10", "nearly 40 percent", "At least half of farmers": a subject, though it
    opens with a preposition."""
    if len(tokens) > 2 and tokens[0].lower == "at" and tokens[1].lower == "least":
        tokens = tokens[1:]
    return (
        len(tokens) > 1
        and tokens[0].lower in APPROXIMATORS | {"least"}
        and (tokens[1].text[0].isdigit() or tokens[1].lower.split("-")[0] in NUMBER_WORDS)
    )


NUMBER_WORDS = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "half", "a",
}  # fmt: skip


def relative_opener(segment: list[Token]) -> bool:
    """ "who rebel leaders say", "in which he said": a relative clause whose subject follows."""
    return len(segment) > relative_length(segment) > 0


def relative_length(segment: list[Token]) -> int:
    """How many words open a relative clause: 1 for "who", 2 for "in which", else 0."""
    if segment and segment[0].lower in RELATIVES:
        return 1
    pied = len(segment) > 1 and segment[0].lower in PREPOSITIONS
    return 2 if pied and segment[1].lower in {"which", "whom"} else 0


def opens_modifier(segment: list[Token]) -> bool:
    """A reduced relative or participle phrase: "sent to the news agency by rebel officials"."""
    word = segment[0]
    if not word.text[0].islower():
        return False
    return (
        word.lower in IRREGULAR_PARTICIPLES
        or word.lower.endswith("ed")
        or word.lower.endswith("ing")
        or word.lower in RELATIVES
    )


def opens_apposition(segment: list[Token]) -> bool:
    """ "a spokesman for ...", "the head of ...": a description of the subject before it."""
    return segment[0].lower in {"a", "an", "the"} or segment[0].lower in TITLE_HEADS


def name_like(segment: list[Token]) -> bool:
    """ "Amin Malhees", "US Secretary of State John Kerry": capitalized words, short."""
    return len(segment) <= 6 and all(
        t.text[0].isupper() or t.lower in {"of", "the", "de", "al", "for", "and"} for t in segment
    )


def introductory(segment: list[Token]) -> bool:
    """A fronted phrase that is not the subject: "Speaking to The New Arab", "On Sunday",
    "Reached by phone"."""
    if len(segment) > 1 and segment[0].lower in LEADING_ADVERBS:
        segment = segment[1:]
    word = segment[0]
    return (
        word.lower in PREPOSITIONS | FRONTED_PREPOSITIONS
        or (word.lower.endswith("ed") and len(segment) > 1 and segment[1].lower in PREPOSITIONS)
        or word.lower in IRREGULAR_PARTICIPLES
        or word.lower.endswith("ing")
        or (word.lower in LEADING_ADVERBS and len(segment) == 1)
        or all(t.lower in TIME_WORDS or t.lower in PREPOSITIONS for t in segment)
        or (
            any(t.lower in TIME_WORDS | {"day"} for t in segment)
            and all(t.lower in TIME_WORDS | PREPOSITIONS | TIME_MODIFIERS for t in segment)
        )
    )


def without_time(tokens: list[Token]) -> list[Token]:
    """A noun phrase without the time that closes it: "Gwen Graham on Friday" -> "Gwen Graham",
    "A few minutes" -> nothing; not "USA Today", where the time word ends a name, nor "a poll
    released Monday", where it belongs to a modifier."""
    end = len(tokens)
    while end > 0 and (tokens[end - 1].lower in TIME_WORDS | TIME_UNITS):
        end -= 1
    if end == len(tokens):
        return tokens
    cut = end - 1 if end > 0 and tokens[end - 1].lower in PREPOSITIONS else end
    if cut > 0 and tokens[cut - 1].lower.endswith(("ed", "ing")):
        return tokens  # "a poll released Monday", "voters going to the polls on Tuesday"
    if cut < end:
        return tokens[:cut]
    if end > 0 and tokens[end - 1].text[0].isupper() and tokens[end].text[0].isupper():
        return tokens  # "USA Today"
    if all(t.lower in NOUN_MARKERS | QUANTIFIER_PRONOUNS | {"a", "few"} for t in tokens[:end]):
        return []  # "a few days", "Sunday"
    return tokens[:end]


def past_time_phrase(segment: list[Token]) -> list[Token]:
    """ "On Sunday morning Mr. Trump" -> "Mr. Trump": a fronted time phrase with no comma."""
    if len(segment) < 3 or segment[0].lower not in PREPOSITIONS:
        return segment
    index = 1
    while index < len(segment) and segment[index].lower in TIME_WORDS:
        index += 1
    return segment[index:] if index > 1 else segment


def dateline(segment: list[Token]) -> bool:
    """ "WASHINGTON (AP) — Sen. X said": the place and the wire before the story, no subject."""
    return all(t.text.isupper() and len(t.text) > 1 for t in segment)


def trim_content(text: str, span: Span) -> Span:
    """Content without surrounding white space and without the sentence's own final punctuation."""
    span = span.stripped(text)
    start, end = span.start, span.end
    while (
        end > start and text[end - 1] in ".,;:–—-" and not ABBREVIATION_END.search(text, start, end)
    ):
        end -= 1
    return Span(start, end).stripped(text)


# "U.S.", "Roe v. Wade", "Sen.": a final period that belongs to the word
ABBREVIATION_END = re.compile(rf"(?:\b(?:[A-Za-z]\.){{2,}}|\b(?:{ABBREVIATIONS})\.)$")
