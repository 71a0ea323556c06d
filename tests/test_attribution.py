from __future__ import annotations

import pytest

from research.attribution import find_quotes, find_statements, tokenize
from research.pipeline import Lexicons
from research.schema import Span
from research.segment import split_paragraphs, split_sentences

Row = tuple[str | None, str, str, str]  # speaker, cue, content, kind


def statements_in(text: str, lexicons: Lexicons) -> list[Row]:
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    return [
        (
            s.speaker.text(text) if s.speaker else None,
            s.cue.text(text) if s.cue else "",
            " … ".join(c.text(text) for c in s.content),
            s.kind,
        )
        for s in found
    ]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (
            "Officials said that the convoy had left the city.",
            [("Officials", "said", "that the convoy had left the city", "indirect")],
        ),
        (
            "“The convoy has left,” the minister said.",
            [("the minister", "said", "“The convoy has left,”", "direct")],
        ),
        (
            "“The convoy has left,” said Ahmed Karimi, a council member.",
            [("Ahmed Karimi", "said", "“The convoy has left,”", "direct")],
        ),
        (
            "The talks had failed, according to two diplomats.",
            [("two diplomats", "according to", "The talks had failed", "indirect")],
        ),
        (
            "According to the ministry, 40 people were hurt in the blast.",
            [("the ministry", "According to", "40 people were hurt in the blast", "indirect")],
        ),
        (
            "Layla Haddad, a spokeswoman for the council, said the city was “under siege”.",
            [("Layla Haddad", "said", "the city was “under siege”", "mixed")],
        ),
        (
            "The mayor told reporters on Sunday that the water supply was cut.",
            [("The mayor", "told", "that the water supply was cut", "indirect")],
        ),
        (
            "“We are ready,” he said, adding that talks would resume.",
            [
                ("he", "said", "“We are ready,”", "direct"),
                ("he", "adding", "that talks would resume", "indirect"),
            ],
        ),
        (
            "“We will stay. We will not surrender,” the commander said.",
            [("the commander", "said", "“We will stay. We will not surrender,”", "direct")],
        ),
        (
            "Residents reported shelling amid claims from activists that the road was closed.",
            [
                (
                    "Residents",
                    "reported",
                    "shelling amid claims from activists that the road was closed",
                    "indirect",
                ),
                ("activists", "claims", "that the road was closed", "indirect"),  # nested
            ],
        ),
        (
            "The fighters, who local officials say number a few hundred, withdrew.",
            [("local officials", "say", "number a few hundred", "indirect")],
        ),
        (
            "Commenting on Monday, Deputy Minister Omar Nadim said no agreement was near.",
            [("Deputy Minister Omar Nadim", "said", "no agreement was near", "indirect")],
        ),
        (  # an interrupted quotation is one statement with two fragments
            "“We stay,” the mayor said on Monday. “Nobody leaves.”",
            [("the mayor", "said", "“We stay,” … “Nobody leaves.”", "direct")],
        ),
        (  # the cue keeps its verb group
            "The envoy has also said that the corridor will stay open.",
            [("The envoy", "has also said", "that the corridor will stay open", "indirect")],
        ),
        (  # a relative pronoun next to the cue is the speaker, as annotators mark it
            "Aid came from Nadia Rahim, who said the trucks were late.",
            [("who", "said", "the trucks were late", "indirect")],
        ),
        (  # anonymous: a passive report with no agent; the subject joins the content
            "The convoys are said to carry food for 40,000 people.",
            [(None, "are said", "The convoys … to carry food for 40,000 people", "indirect")],
        ),
        (  # a passive with its agent after "by"
            "The truce is viewed as fragile by analysts.",
            [("analysts", "is viewed", "The truce … as fragile", "indirect")],
        ),
        (  # raising verbs report how a thing seems, with no source named
            "The ceasefire seemed to hold overnight.",
            [(None, "seemed", "The ceasefire … to hold overnight", "indirect")],
        ),
        (  # ... with an adjective for a complement, or after "it" a clause
            "The truce seemed fragile after the shelling resumed.",
            [(None, "seemed", "The truce … fragile after the shelling resumed", "indirect")],
        ),
        (
            "It seems the council has run out of options.",
            [(None, "seems", "the council has run out of options", "indirect")],
        ),
        ("The minister appeared on television on Sunday.", []),  # a place, not a complement
        (  # a "that" after an infinitive does not open the raising verb's content
            "Lawyers for the city appeared to oppose the motion, saying in a filing that the"
            " records were private.",
            [
                ("Lawyers for the city", "appeared to oppose", "the motion", "indirect"),
                ("Lawyers for the city", "saying", "that the records were private", "indirect"),
            ],
        ),
        (  # a refusal to speak: the verb after the auxiliary, its object with the preposition
            "The ministry did not respond to a request for comment.",
            [("The ministry", "did not respond to", "a request for comment", "indirect")],
        ),
        (  # a progressive multiword cue is no passive
            "The mayor is talking about raising the port fees.",
            [("The mayor", "is talking about", "raising the port fees", "indirect")],
        ),
        (  # an infinitive cue shares the subject of the verb or adjective before it
            "The union voted to endorse the governor.",
            [("The union", "voted to endorse", "the governor", "indirect")],
        ),
        (
            "The senator was reluctant to endorse the treaty.",
            [("The senator", "was reluctant to endorse", "the treaty", "indirect")],
        ),
        ("Officials have to decide by Friday.", []),  # a modal "have to", no statement
        (  # "support": the verb after a subject, the noun after a verb
            "Most farmers support the new tariff.",
            [("Most farmers", "support", "the new tariff", "indirect")],
        ),
        ("The bill drew support from both parties.", []),
        (  # a passive with nothing reported after it: its subject is the content
            "The ceasefire was announced on Tuesday.",
            [(None, "was announced", "The ceasefire", "indirect")],
        ),
        (
            "The harbor plan was endorsed by the mayor.",
            [("the mayor", "was endorsed", "The harbor plan", "indirect")],
        ),
        ("The article was published on Friday.", []),
        ("The council members are worried.", []),
        (
            "As the governor said, the roads will reopen on Friday.",
            [("the governor", "said", "the roads will reopen on Friday", "indirect")],
        ),
        (  # an attribution adverb: a claim passed on without a source
            "Fighters would reportedly be allowed to leave with light weapons.",
            [
                (
                    None,
                    "reportedly",
                    "Fighters would … be allowed to leave with light weapons",
                    "indirect",
                )
            ],
        ),
        (
            "The minister reportedly said that talks had stalled.",
            [("The minister", "reportedly said", "that talks had stalled", "indirect")],
        ),
        (  # the tag interrupts the content
            "Even so, she said, the board must vote on the levy by May.",
            [("she", "said", "the board must vote on the levy by May", "indirect")],
        ),
        (  # a short tag after the content, then an unrelated phrase
            "Hundreds of men have gone missing, the UN said earlier this week, amid the fighting.",
            [("the UN", "said", "Hundreds of men have gone missing", "indirect")],
        ),
        (
            "Said Lena Reyes, who runs the diner, “The whole street turned out.”",
            [("Lena Reyes", "Said", "“The whole street turned out.”", "direct")],
        ),
        (  # the question put to a speaker is the asker's statement
            "Asked by the Courier whether the talks failed, the envoy said no.",
            [
                ("the Courier", "Asked", "whether the talks failed", "indirect"),
                ("the envoy", "said", "no", "indirect"),
            ],
        ),
        (  # a speaker label and a colon, as in transcripts
            "MINISTER HADDAD: We have not agreed to anything.",
            [("MINISTER HADDAD", ":", "We have not agreed to anything", "indirect")],
        ),
        (  # an attitude toward a thing is an attribution too (PolNeAR's guidelines)
            "Senator Mara Voss criticized the budget deal, saying it cut aid.",
            [
                ("Senator Mara Voss", "criticized", "the budget deal", "indirect"),
                ("Senator Mara Voss", "saying", "it cut aid", "indirect"),
            ],
        ),
        (  # a negated cue is still an attribution (PolNeAR annotates "did not mention")
            "The minister did not say whether the talks would resume.",
            [("The minister", "did not say", "whether the talks would resume", "indirect")],
        ),
        (  # a quantifier or an approximate number stands alone as the subject
            "Several said they would stay home on election day.",
            [("Several", "said", "they would stay home on election day", "indirect")],
        ),
        (
            "About half said they would vote for the levy.",
            [("About half", "said", "they would vote for the levy", "indirect")],
        ),
        (  # a sentence adverb set off by a comma is not the subject
            "Notably, the judge said the fine would stand.",
            [("the judge", "said", "the fine would stand", "indirect")],
        ),
        (
            "That is why critics say the levy is too high.",
            [("critics", "say", "the levy is too high", "indirect")],
        ),
        (  # a second verb after ", and" shares the sentence's subject
            "The mayor called the plan fair, and said it would pass.",
            [
                ("The mayor", "called", "the plan fair", "indirect"),
                ("The mayor", "said", "it would pass", "indirect"),
            ],
        ),
        (  # an inverted speaker may open with a lowercase title
            "“We lost the county,” said former governor Tom Reyes.",
            [("former governor Tom Reyes", "said", "“We lost the county,”", "direct")],
        ),
        (  # after "told" comes the addressee, not an inverted speaker
            "“It is fine,” Ana Ruiz, a lawyer in Dayton, told The Courier.",
            [("Ana Ruiz", "told", "“It is fine,”", "direct")],
        ),
        (  # the object of an attitude verb ends where the scene is set
            "Rivera also criticized Okafor during a rally in Dayton.",
            [("Rivera", "also criticized", "Okafor", "indirect")],
        ),
        (  # a progressive after a clitic: the clitic is not part of the speaker
            "He’s predicting he will win the county.",
            [("He", "predicting", "he will win the county", "indirect")],
        ),
        (  # the subject of "failed" is the source of the infinitive cue
            "Okafor failed to mention the bridge repairs.",
            [("Okafor", "failed to mention", "the bridge repairs", "indirect")],
        ),
        (  # owned noun cues: the possessor is the source
            "Rivera’s attacks on the harbor plan grew sharper.",
            [("Rivera’s", "attacks on", "the harbor plan", "indirect")],
        ),
        (
            "Few voters share his claim that the count was rigged.",
            [("his", "claim", "that the count was rigged", "indirect")],
        ),
        (  # the dateline and a time phrase before the verb are not the speaker
            "DAYTON (AP) — Mayor Tom Reyes said Tuesday that the bridge would reopen.",
            [("Mayor Tom Reyes", "said", "that the bridge would reopen", "indirect")],
        ),
        (
            "Ana Ruiz, the party chair, this past week announced that the vote would move.",
            [("Ana Ruiz", "announced", "that the vote would move", "indirect")],
        ),
        (  # a coordinated verb shares the subject, not the object of the verb before it
            "Ana Ruiz posted a photo of the flooded road and said the county had ignored warnings.",
            [
                ("Ana Ruiz", "posted", "a photo of the flooded road", "indirect"),
                ("Ana Ruiz", "said", "the county had ignored warnings", "indirect"),
            ],
        ),
        (  # the quotation closed the sentence before; the clause after "said" is the content
            "“The bridge is safe.” He said he would drive across it on Monday.",
            [("He", "said", "he would drive across it on Monday", "indirect")],
        ),
        (  # ... but a quotation that opens the sentence with a comma is still the content
            "“The bridge is safe,” Reyes told reporters as he left the hall.",
            [("Reyes", "told", "“The bridge is safe,”", "direct")],
        ),
        (  # a surname that is also an adjective
            "Young said the plan was sound.",
            [("Young", "said", "the plan was sound", "indirect")],
        ),
        (
            "The senator raised concerns about the budget.",
            [("The senator", "raised", "concerns about the budget", "indirect")],
        ),
        (
            "“We will rebuild,” she continued.",
            [("she", "continued", "“We will rebuild,”", "direct")],
        ),
        (  # a content ends where another speaker's clause begins, after a comma or "and"
            "Moscow wants a ceasefire, and the rebels say they need guarantees.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect"),
                ("the rebels", "say", "they need guarantees", "indirect"),
            ],
        ),
        (
            "Ryabkov said the talks had stalled, Kerry insisted progress was possible.",
            [
                ("Ryabkov", "said", "the talks had stalled", "indirect"),
                ("Kerry", "insisted", "progress was possible", "indirect"),
            ],
        ),
        (  # right after a verb, the words before "and" are its object, not the next subject
            "Moscow wants a ceasefire and Damascus wants a military victory.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect"),
                ("Damascus", "wants", "a military victory", "indirect"),
            ],
        ),
        (  # "agreed on a plan" reports no content: no statement made of a lone "that"
            "Kerry said that the rebels agreed on a plan.",
            [("Kerry", "said", "that the rebels agreed on a plan", "indirect")],
        ),
        (  # ... but "X said that Y claimed Z" reports Y inside X's content
            "Ryabkov said that the rebels claimed the road was open.",
            [
                ("Ryabkov", "said", "that the rebels claimed the road was open", "indirect"),
                ("the rebels", "claimed", "the road was open", "indirect"),  # nested
            ],
        ),
        (  # "maintain", "prove" report only with a clause
            "The mayor maintained that the audit was flawed.",
            [("The mayor", "maintained", "that the audit was flawed", "indirect")],
        ),
        ("The mayor maintained a narrow lead in the polls.", []),
        ("The plan proved difficult to sell.", []),
        (  # a contrast joins two statements: the first content ends before "while"
            "Moscow wants a ceasefire while the rebels say the road is open.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect"),
                ("the rebels", "say", "the road is open", "indirect"),
            ],
        ),
        (  # the left clause has its own verb: the speaker is the subject after "and"
            "The envoy met Lavrov and Kerry said the talks went well.",
            [("Kerry", "said", "the talks went well", "indirect")],
        ),
        (  # a refusal: the verb is the cue, what was refused the content
            "A spokeswoman for the council declined to comment.",
            [("A spokeswoman for the council", "declined", "to comment", "indirect")],
        ),
        (  # an aside ends where the main verb comes back; the main statement is not nested in it
            "Okafor, who backs the plan, said the vote would pass.",
            [
                ("who", "backs", "the plan", "indirect"),
                ("Okafor", "said", "the vote would pass", "indirect"),
            ],
        ),
        (  # a participle continues the sentence's subject, found past a verb the lexicon lacks
            "The mayor phoned donors on Monday, telling them the race was close.",
            [("The mayor", "telling", "them the race was close", "indirect")],
        ),
        (  # ... a fronted participle shares the main clause's subject
            "After thanking the crowd, she said the fight was not over.",
            [
                ("she", "thanking", "the crowd", "indirect"),
                ("she", "said", "the fight was not over", "indirect"),
            ],
        ),
        (  # ... and continues the outer statement, not a noun cue inside its content
            "Okafor repeated his claims about the budget, calling it a fraud.",
            [
                ("Okafor", "repeated", "his claims about the budget", "indirect"),
                ("Okafor", "claims about", "the budget", "indirect"),
                ("Okafor", "calling", "it a fraud", "indirect"),
            ],
        ),
        (  # "a group called X" names; "a senator called X a liar" attributes
            "A group called the Harbor Watch said it would sue.",
            [("A group called the Harbor Watch", "said", "it would sue", "indirect")],
        ),
        (
            "A senator called the mayor a liar.",
            [("A senator", "called", "the mayor a liar", "indirect")],
        ),
        # speakers: a thousands separator splits no noun phrase; a verb after "and", "or" or a
        # comma shares the subject of the verb it is coordinated with
        (
            "She greeted 3,000 farmers at a fair in Dayton and told them that prices would rise.",
            [("She", "told", "that prices would rise", "indirect")],
        ),
        (
            "The council has not endorsed the plan or criticized its cost.",
            [
                ("The council", "has not endorsed", "the plan or criticized its cost", "indirect"),
                ("The council", "criticized", "its cost", "indirect"),
            ],
        ),
        (  # a participle after a possessive's noun cue continues the sentence's subject
            "The mayor went on with her attacks on the developer, telling reporters that the "
            "deal was corrupt.",
            [
                ("her", "attacks on", "the developer", "indirect"),
                ("The mayor", "telling", "that the deal was corrupt", "indirect"),
            ],
        ),
        (  # past a fronted subordinate clause, a dateline, a fronted participle phrase
            "When the storm hit the coast, the governor stayed in the capital, urging residents "
            "to leave.",
            [("the governor", "urging", "residents to leave", "indirect")],
        ),
        (
            "LAGOS (Reuters) - The minister visited the port on Monday, saying the strike was over.",
            [("The minister", "saying", "the strike was over", "indirect")],
        ),
        (
            "After thanking the volunteers, who had worked all night, she promised that the "
            "shelter would stay open.",
            [
                ("she", "thanking", "the volunteers", "indirect"),
                ("she", "promised", "that the shelter would stay open", "indirect"),
            ],
        ),
        (
            "Alarmed by the flooding, Senator Ruth Amoah, the committee chair, said that she "
            "would visit the district.",
            [("Senator Ruth Amoah", "said", "that she would visit the district", "indirect")],
        ),
        (
            "Even if the bill fails in the Senate, aides to the governor — two of them lawyers — "
            "said the fight would go on.",
            [("aides to the governor", "said", "the fight would go on", "indirect")],
        ),
        (  # "seem to" before a cue: the subject is the source
            "The senator seemed to mock the proposal.",
            [("The senator", "seemed to mock", "the proposal", "indirect")],
        ),
        (  # the subject of an embedded clause right before the cue
            "She skipped the queries she preferred not to take.",
            [("she", "preferred", "not to take", "indirect")],
        ),
        (
            "He is someone whom the mayor views as a rival.",
            [("the mayor", "views", "as a rival", "indirect")],
        ),
        (  # a time is no speaker, nor part of one
            "Governor Ama Osei on Friday praised the new budget.",
            [("Governor Ama Osei", "praised", "the new budget", "indirect")],
        ),
        (
            "The bridge will reopen, Kofi Mensah, the city engineer, said Sunday.",
            [("Kofi Mensah", "said", "The bridge will reopen", "indirect")],
        ),
        (
            "The mayor, who last year opposed the tax, said it was now needed.",
            [
                ("who", "opposed", "the tax", "indirect"),
                ("The mayor", "said", "it was now needed", "indirect"),
            ],
        ),
        (  # a name's "’s" before a noun owns it; a negated verb, "himself", "both" are no part
            "Donald Osei’s campaign manager said the rally would go ahead.",
            [("Donald Osei’s campaign manager", "said", "the rally would go ahead", "indirect")],
        ),
        (
            "A court document filed Thursday shows that the firm owed taxes.",
            [("A court document filed Thursday", "shows", "that the firm owed taxes", "indirect")],
        ),
        (
            "Richards and Menendez both argued that the bill was flawed.",
            [("Richards and Menendez", "argued", "that the bill was flawed", "indirect")],
        ),
        (  # a pronoun owner right after the verb stands for the verb's subject
            "The mayor stepped up her attacks on the developer.",
            [("The mayor", "attacks on", "the developer", "indirect")],
        ),
        (  # a manner adverb joins the cue and does not hide the subject
            "Mr. Adeyemi, who does not know the family, viciously attacked the verdict.",
            [
                ("who", "does not know", "the family", "indirect"),
                ("Mr. Adeyemi", "viciously attacked", "the verdict", "indirect"),
            ],
        ),
        # a noun after a determiner, not the verb: the passive reports the plans
        (
            "Her plans were reported in the local press.",
            [(None, "were reported", "Her plans", "indirect")],
        ),
        (  # a capitalized adjective after the cue is a name
            "“We will win the county,” said Frank.",
            [("Frank", "said", "“We will win the county,”", "direct")],
        ),
        (  # an inverted speaker with a determiner, a participle modifier or "known as"
            "“We will rebuild,” said one official involved in the talks.",
            [("one official involved in the talks", "said", "“We will rebuild,”", "direct")],
        ),
        (
            "“The gate was locked,” said the night manager known as Sam.",
            [("the night manager known as Sam", "said", "“The gate was locked,”", "direct")],
        ),
        (  # a long scene after a backward cue is no content
            "The plant will close in May, Dunmore said during his speech to the county board.",
            [("Dunmore", "said", "The plant will close in May", "indirect")],
        ),
        (  # a clause without "that" after the scene
            "The Harlan Group said in a statement Friday night they withdrew the offer.",
            [("The Harlan Group", "said", "they withdrew the offer", "indirect")],
        ),
        (  # a second report by the inverted speaker, through "who"
            "“The vote was fair,” said Mayor Lena Ortiz, who said the count was over.",
            [
                ("Mayor Lena Ortiz", "said", "“The vote was fair,”", "direct"),
                ("who", "said", "the count was over", "indirect"),
            ],
        ),
        (  # poll shares are speakers
            "In the county survey, 42% say the levy is too high.",
            [("42%", "say", "the levy is too high", "indirect")],
        ),
        (
            "About three-fourths say the levy is too high.",
            [("About three-fourths", "say", "the levy is too high", "indirect")],
        ),
        (
            "Turnout was low, with 30 percent saying they had not heard of the vote.",
            [("30 percent", "saying", "they had not heard of the vote", "indirect")],
        ),
        (  # a noun before a finite verb heads its subject: "report" is no cue here
            "The plant lacked basic safeguards, the state report said.",
            [("the state report", "said", "The plant lacked basic safeguards", "indirect")],
        ),
        (  # a quantifier before a verb-only cue is its subject, not a determiner
            "Some said the count was wrong.",
            [("Some", "said", "the count was wrong", "indirect")],
        ),
        (  # a relative clause after a preposition: its subject speaks
            "Ruiz spoke at a town hall in which he said the levy was unfair.",
            [("he", "said", "the levy was unfair", "indirect")],
        ),
        (  # a fronted phrase without a comma before the subject
            "At the rally on Friday she said the plan would fail.",
            [("she", "said", "the plan would fail", "indirect")],
        ),
        (  # double hyphens set off an apposition
            "A former senator -- Tom Reyes, who lost in 2008 -- said the plan would fail.",
            [("A former senator", "said", "the plan would fail", "indirect")],
        ),
        (  # a name's possessive is not the verb "is"
            "Mr. Ruiz's former campaign manager, Dana Ortiz, said the aide should go.",
            [("Mr. Ruiz's former campaign manager", "said", "the aide should go", "indirect")],
        ),
        (  # the question put after a scene, and a passive "was asked"
            "Asked in Dayton on Monday whether he would run, Ruiz said no.",
            [
                (None, "Asked", "whether he would run", "indirect"),
                ("Ruiz", "said", "no", "indirect"),
            ],
        ),
        (
            "The mayor was asked whether the roads would reopen.",
            [(None, "was asked", "whether the roads would reopen", "indirect")],
        ),
        (  # the one who issued the statement speaks through it
            "The governor issued a statement saying the roads would reopen.",
            [("The governor", "issued a statement saying", "the roads would reopen", "indirect")],
        ),
        (  # a quotation after the addressee and a comma; a backward "told"
            "Ruiz told the Courier, “We are not leaving.”",
            [("Ruiz", "told", "“We are not leaving.”", "direct")],
        ),
        (
            "The levy will fail, Ruiz told the council on Monday.",
            [("Ruiz", "told", "The levy will fail", "indirect")],
        ),
        (
            "According to a Harlan/Reyes poll, the levy trails by ten points.",
            [("a Harlan/Reyes poll", "According to", "the levy trails by ten points", "indirect")],
        ),
        (  # "according to" after a quotation looks back
            "“The levy is dead,” according to the county clerk.",
            [("the county clerk", "according to", "“The levy is dead,”", "direct")],
        ),
        (
            "The senator is calling for a new vote on the levy.",
            [("The senator", "is calling for", "a new vote on the levy", "indirect")],
        ),
        (  # a name, its apposition, then its verb: a clause
            "Officials say Tomas Ruiz, the farmer who owns the land, sold the plot.",
            [
                (
                    "Officials",
                    "say",
                    "Tomas Ruiz, the farmer who owns the land, sold the plot",
                    "indirect",
                )
            ],
        ),
        (  # an infinitive "to say" reports for the main verb's subject
            "Voters were more likely to say the levy was unfair.",
            [("Voters", "were more likely to say", "the levy was unfair", "indirect")],
        ),
        (  # a relative clause in the subject is no content before an inverted speaker
            "Dana Ortiz, a farmer who chairs the co-op, called the levy a disaster.",
            [("Dana Ortiz", "called", "the levy a disaster", "indirect")],
        ),
        (  # a capitalized modal after the cue is a name; a participle opens a title
            "“The fees are too high,” said Will Dorsey, a teacher at the college.",
            [("Will Dorsey", "said", "“The fees are too high,”", "direct")],
        ),
        (
            "“I will not apologize,” said retired surgeon Ben Ortiz.",
            [("retired surgeon Ben Ortiz", "said", "“I will not apologize,”", "direct")],
        ),
        (  # a coordinated predicate shares the sentence's subject
            "Dana Ruiz, a retired pilot, joined the board and said he would run.",
            [("Dana Ruiz", "said", "he would run", "indirect")],
        ),
        (  # "that night" is no complementizer
            "“The harvest is late,” he said in his speech that night.",
            [("he", "said", "“The harvest is late,”", "direct")],
        ),
        # ... aspect or action, not a further turn of speech; fundraising; a participle as adjective
        ("The mayor continued the inspection of the harbor.", []),
        (  # an adverb in -ly joins the verb group, past a relative pronoun
            "Ana Ruiz, who formally endorsed Mendes on Sunday, spoke next.",
            [("who", "formally endorsed", "Mendes", "indirect")],
        ),
        (  # a participle right after a noun phrase says what that phrase holds
            "Pastors backing Mr. Okafor in every county gathered in Harlow on Sunday.",
            [("Pastors", "backing", "Mr. Okafor in every county", "indirect")],
        ),
        (  # ... and a document's author, not the document, is the speaker; the issuing verb
            # and the noun join the cue, as PolNeAR marks it
            "The governor issued a statement saying the bridge would reopen.",
            [("The governor", "issued a statement saying", "the bridge would reopen", "indirect")],
        ),
        ("Volunteers showing up early got coffee.", []),
        (  # a poll before its clause: "in" is the cue, the poll the source
            "In the latest Harlow Post survey, 41 percent of voters would pay a higher levy.",
            [
                (
                    "the latest Harlow Post survey",
                    "In",
                    "41 percent of voters would pay a higher levy",
                    "indirect",
                )
            ],
        ),
        (  # ... or after it, with a short tail
            "Okafor trails Mendes in the average of county polls by nine points.",
            [("the average of county polls", "in", "Okafor trails Mendes", "indirect")],
        ),
        (  # a relative aside before the verb: the subject comes before it, not after the verb
            "Chief Ana Ruiz, who spent the night near the square, described the march as calm.",
            [("Chief Ana Ruiz", "described", "the march as calm", "indirect")],
        ),
        (  # a subject with its apposition before the verb: no speaker after the verb
            "Ana Ruiz, 61, declined several requests for an interview.",
            [("Ana Ruiz", "declined", "several requests for an interview", "indirect")],
        ),
        (  # ", as X reported": the content is the clause before
            "The talks collapsed on Friday, as the Harlow Post reported.",
            [("the Harlow Post", "reported", "The talks collapsed on Friday", "indirect")],
        ),
        # a stranded preposition: the object came before ("the change it warned about")
        ("It was the very flood the council cautioned about in its 2019 memo.", []),
        ("Turnout reached 61 percent, compared with 48 percent in 2012.", []),
        (  # a final "according to" reports the whole clause, statements inside it included
            "Voters in the county seem keen on Okafor, according to the Harlow Post.",
            [
                (None, "seem", "Voters in the county … keen on Okafor", "indirect"),
                (
                    "the Harlow Post",
                    "according to",
                    "Voters in the county seem keen on Okafor",
                    "indirect",
                ),
            ],
        ),
        (  # a final tag after a comma reports the whole clause; the inner content ends at it
            'The mayor pledged to "fix the roads before winter," the Harlow Post reported.',
            [
                (
                    "the Harlow Post",
                    "reported",
                    'The mayor pledged to "fix the roads before winter,"',
                    "mixed",
                ),
                ("The mayor", "pledged", '"fix the roads before winter,"', "mixed"),
            ],
        ),
        (  # a second predicate of the same subject is a statement of its own
            "The mayor blamed the outage on hackers but later admitted to deleting the files.",
            [
                ("The mayor", "blamed", "the outage on hackers", "indirect"),
                ("The mayor", "admitted", "to deleting the files", "indirect"),
            ],
        ),
        (
            "Most of the members said they would back the bill, while stressing it was no deal.",
            [
                ("Most of the members", "said", "they would back the bill", "indirect"),
                ("Most of the members", "stressing", "it was no deal", "indirect"),
            ],
        ),
        (  # a relative clause in the subject ends where the main verb opens its own statement
            "Senators who praised the plan warned on Friday that the county may have to delay it.",
            [
                ("who", "praised", "the plan", "indirect"),
                ("Senators", "warned", "that the county may have to delay it", "indirect"),
            ],
        ),
        (
            'Dana Ruiz - who said she would "fight the tax" - said on Friday that the vote should wait.',
            [
                ("who", "said", 'she would "fight the tax"', "mixed"),
                ("Dana Ruiz", "said", "that the vote should wait", "indirect"),
            ],
        ),
        (  # ... but a clause the relative's verb reports keeps its own statement inside
            "Residents who say the mayor promised a new park are angry.",
            [
                ("who", "say", "the mayor promised a new park are angry", "indirect"),
                ("the mayor", "promised", "a new park are angry", "indirect"),
            ],
        ),
        ("Okafor went on to win the county.", []),
        ("The committee raised $4 million in March.", []),
        ("Reyes holds a tally of pledged delegates.", []),
        (  # a pronoun opening the reported clause restates its speaker: one statement, not two
            "Organizers say they want the march to stay calm.",
            [("Organizers", "say", "they want the march to stay calm", "indirect")],
        ),
        (  # "the one danger she sees": the speaker is the pronoun, not the noun it is about
            "The one danger she sees is a long recession.",
            [("she", "sees", "is a long recession", "indirect")],
        ),
        (  # a poll finds with an object; a person finds a clause
            "The poll found the governor ahead by six points.",
            [("The poll", "found", "the governor ahead by six points", "indirect")],
        ),
        ("The governor found a new ally in the mayor.", []),
        # a noun, not the verb: after an adjective, a singular noun, an acronym, a preposition
        (  # a stance received: the subject is what it is about, the source follows "from"
            "Their ambitious plans drew criticism from the mayor.",
            [("the mayor", "drew criticism", "Their ambitious plans", "indirect")],
        ),
        ("The senator gave an interview to a radio show host.", []),
        ("The AP report was published on Friday.", []),
        ("Supporters voted in favor of the plan.", []),
        # a capitalized cue word inside a name; a phrasal verb; a time, not a topic
        ("The statement came from his spokeswoman, Hope Hicks, on Tuesday.", []),
        ("The figures came from the Drudge Report and other sites.", []),
        ("Hundreds of voters showed up at the town hall.", []),
        ("The board of the charity called off the gala.", []),
        (  # the criticism has no source named; "on Monday" is trimmed, as from a speaker
            "His remarks on Monday drew sharp criticism.",
            [(None, "drew sharp criticism", "His remarks", "indirect")],
        ),
        # standing in the polls is not a finding; a headline kicker is not a speaker
        ("The governor is leading in the polls.", []),
        ("Breaking: Senate passes the budget", []),
        (  # a stance received: the endorser follows "of"
            "The mayor won the endorsement of the teachers union.",
            [("the teachers union", "won the endorsement", "The mayor", "indirect")],
        ),
        (  # a stance noun with no owner: what it is about follows the preposition
            "The criticism of his trade plan grew louder.",
            [(None, "criticism of", "his trade plan", "indirect")],
        ),
        (  # a statement issued: its issuer is the source, the participle joins the cue
            "The campaign issued a statement Tuesday condemning the attack.",
            [("The campaign", "issued a statement Tuesday condemning", "the attack", "indirect")],
        ),
        (
            "The mayor has made similar comments about the police.",
            [("The mayor", "has made similar comments about", "the police", "indirect")],
        ),
        (  # "see" reports a view with "as"; "saw the crowd" is sight
            "Some analysts see the governor's tax plan as a bid for the nomination.",
            [
                (
                    "Some analysts",
                    "see",
                    "the governor's tax plan as a bid for the nomination",
                    "indirect",
                )
            ],
        ),
        (
            "The governor is widely seen as a likely candidate.",
            [(None, "is widely seen as", "The governor … a likely candidate", "indirect")],
        ),
        ("She saw the crowd from the stage.", []),
        (  # a participle that is never a past tense is passive; an aside ends at its comma
            "The group, known as the Harbor Caucus, met on Monday.",
            [(None, "known as", "The group … the Harbor Caucus", "indirect")],
        ),
        (  # "in her view": the owner holds the clause around the phrase
            "In her view, the tax plan would hurt working families.",
            [("her", "view", "the tax plan would hurt working families", "indirect")],
        ),
        (
            "The only other step, in Professor Lee's view, would be more money for research.",
            [
                (
                    "Professor Lee's",
                    "view",
                    "The only other step … would be more money for research",
                    "indirect",
                )
            ],
        ),
        ("With tepid rural support, the governor faces a hard race.", []),
        (  # "According to X:" opens the sentence; after a quotation "according to" does not
            "According to the Harbor Times: “The mayor has a mixed record.”",
            [("the Harbor Times", "According to", "“The mayor has a mixed record.”", "direct")],
        ),
        (  # ... it reports the clause before it, the statement inside that clause included
            "The witness said the order was meant to “avoid a fight,” according to the report.",
            [
                (
                    "the report",
                    "according to",
                    "The witness said the order was meant to “avoid a fight,”",
                    "mixed",
                ),
                ("The witness", "said", "the order was meant to “avoid a fight,”", "mixed"),
            ],
        ),
        # a participle after a count, a plural noun before a verb, figures compared: no report
        ("Okafor leads Lee by 271 pledged delegates.", []),
        ("The tax plans would cost billions.", []),
        ("Turnout rose to 31 percent, compared with 40 percent in 2012.", []),
        (  # a participle after the subject's noun is part of it: the next verb is the cue
            "A poll from Lakeside College released Wednesday found Okafor ahead by 15 points.",
            [
                (
                    "A poll from Lakeside College released Wednesday",
                    "found",
                    "Okafor ahead by 15 points",
                    "indirect",
                )
            ],
        ),
        (  # a participle after a dash continues the subject's clause, as after a comma
            "Dana Ruiz changed her vote on the spot – saying she had misread the ballot.",
            [("Dana Ruiz", "saying", "she had misread the ballot", "indirect")],
        ),
        (  # a pronoun with its clitic opens a clause: "claims" is the verb, not a noun
            "Okafor claims he's owed $2 million by the county.",
            [("Okafor", "claims", "he's owed $2 million by the county", "indirect")],
        ),
        (  # the "that" clause after an aside set off by commas
            "The mayor said, among other things, that the bridge would stay shut.",
            [("The mayor", "said", "that the bridge would stay shut", "indirect")],
        ),
        (  # ... or the infinitive
            "And he refused, again, to concede defeat.",
            [("he", "refused", "to concede defeat", "indirect")],
        ),
        (  # in a fronted subordinate clause the content ends where the main clause starts
            "Although in March she said the levy was fair, the governor now opposes it.",
            [
                ("she", "said", "the levy was fair", "indirect"),
                ("the governor", "opposes", "it", "indirect"),
            ],
        ),
        (  # a quotation already reported in the sentence before is no refusal's content
            'The council spokesman said in a post, "The roads are closed." A deputy declined to'
            " comment.",
            [
                ("The council spokesman", "said", '"The roads are closed."', "direct"),
                ("A deputy", "declined", "to comment", "indirect"),
            ],
        ),
        (  # "as" after a leading connective: the content follows the comma
            "But, as we learned in Ohio, early leads can vanish overnight.",
            [("we", "learned", "early leads can vanish overnight", "indirect")],
        ),
        (  # an infinitive whose verb the tag lexicon reads first as a noun
            "The ferry company refused to comment on the fares.",
            [("The ferry company", "refused", "to comment on the fares", "indirect")],
        ),
        (  # an attitude or decree verb does not report the clause before it; "at least" counts
            "Now, he says, at least nine members have signed on.",
            [("he", "says", "at least nine members have signed on", "indirect")],
        ),
        (  # a gerund after a preposition is the object
            "The ferry company balked at raising its fares.",
            [("The ferry company", "balked at", "raising its fares", "indirect")],
        ),
        (  # a passive with its agent, past an adverb or a modal
            "Her proposal was sharply criticized by farmers.",
            [("farmers", "was sharply criticized", "Her proposal", "indirect")],
        ),
        (
            "The treaty might be rejected by the senate.",
            [("the senate", "might be rejected", "The treaty", "indirect")],
        ),
        (  # the clause before the appositions is what was said, not the speaker
            "The port reopened on Monday, a spokeswoman, Mara Lind, said in a statement.",
            [("a spokeswoman", "said", "The port reopened on Monday", "indirect")],
        ),
        (  # speaker labels after the first paragraph are transcript turns, not reports
            "The mayor spoke on Monday.\n\nREYES: We will open the new bridge in May. The city "
            "has paid for it.\n\nOKAFOR: I think the plan came too late.",
            [
                (
                    "REYES",
                    ":",
                    "We will open the new bridge in May. The city has paid for it",
                    "indirect",
                ),
                ("OKAFOR", ":", "I think the plan came too late", "indirect"),
                ("I", "think", "the plan came too late", "indirect"),
            ],
        ),
        ("The mayor spoke on Monday.\n\nTotals: 1,204.", []),  # a table row, no turn
        (
            "Voters are split on the plan - Lena Okafor: “Half the town wants the bridge.”",
            [("Lena Okafor", ":", "“Half the town wants the bridge.”", "direct")],
        ),
        (  # an opening mark typed for the closing one
            "“It is unusual,“ said Paul Reyes, a former counsel.",
            [("Paul Reyes", "said", "“It is unusual,“", "direct")],
        ),
        (  # a quoted word in a relative clause does not hide the subject of the main verb
            "Okafor, who calls the toll a “scam,” said she would vote against it.",
            [
                ("who", "calls", "the toll a “scam,”", "mixed"),
                ("Okafor", "said", "she would vote against it", "indirect"),
            ],
        ),
        (
            "Reyes, the author of “Open Roads,” said the bridge was late.",
            [("Reyes", "said", "the bridge was late", "indirect")],
        ),
        (
            "“There is no data on that,” said one unaligned county strategist.",
            [("one unaligned county strategist", "said", "“There is no data on that,”", "direct")],
        ),
        (
            "“We need every vote,” said Ohio voter Lena Reyes when asked about the race.",
            [
                ("Ohio voter Lena Reyes", "said", "“We need every vote,”", "direct"),
                (None, "asked", "about the race", "indirect"),
            ],
        ),
        (  # the quotation ending the sentence before is not this sentence's content
            "The mayor called Okafor “reckless.” The council member called the plan “a disgrace.”",
            [
                ("The mayor", "called", "Okafor “reckless.”", "mixed"),
                ("The council member", "called", "the plan “a disgrace.”", "mixed"),
            ],
        ),
        (
            "“Vote for the bridge,” read the flyer.",
            [("the flyer", "read", "“Vote for the bridge,”", "direct")],
        ),
        (
            "As the auditor put it, “The numbers do not add up.”",
            [("the auditor", "put it", "“The numbers do not add up.”", "direct")],
        ),
        (
            "The council issued a statement, “We regret the delay.”",
            [("The council", "issued a statement", "“We regret the delay.”", "direct")],
        ),
        (  # a fact check credits the quotation above with a dash
            'The town voted on the bridge.\n\n"The bridge will pay for itself."\n\n- Lena Okafor.',
            [("Lena Okafor", "-", '"The bridge will pay for itself."', "direct")],
        ),
        (  # a doubled apostrophe closes the quotation together with a nested single one
            "''He looked at me and said, 'Go home.''' Mr. Reyes said.",
            [("Mr. Reyes", "said", "''He looked at me and said, 'Go home.'''", "direct")],
        ),
        (  # a paragraph ending in a colon announces the quotation that opens the next
            "The mayor spoke.\n\nThe council said in a letter:\n\n“We regret the delay.”",
            [("The council", "said", "“We regret the delay.”", "direct")],
        ),
        (  # a verb outside the lexicon tags a quotation that ends in a comma
            "“Out of my office,” Okafor barked.",
            [("Okafor", "barked", "“Out of my office,”", "direct")],
        ),
        (  # a clause ending in a colon leads into a quotation; its verb is the cue
            "Okafor leaned in and growled: “Nobody leaves this room.”",
            [("Okafor", "leaned in and growled:", "“Nobody leaves this room.”", "direct")],
        ),
        (  # after a complementizer, "according to X," opens the reported clause
            "Ruiz said that according to the county's count, the levy had passed.",
            [
                (
                    "Ruiz",
                    "said",
                    "that according to the county's count, the levy had passed",
                    "indirect",
                ),
                ("the county's count", "according to", "the levy had passed", "indirect"),
            ],
        ),
        (  # after a colon too
            "The vote was close: according to the clerk, the levy passed by nine votes.",
            [("the clerk", "according to", "the levy passed by nine votes", "indirect")],
        ),
        (  # a quotation after a colon is all the tag after it reports
            "Ruiz was blunt: “The levy is dead,” she said.",
            [("she", "said", "“The levy is dead,”", "direct")],
        ),
        (  # a fronted poll with a participle phrase
            "In a Harlan/Reyes poll released Sunday, the levy trails by ten points.",
            [
                (
                    "a Harlan/Reyes poll released Sunday",
                    "In",
                    "the levy trails by ten points",
                    "indirect",
                ),
            ],
        ),
        (  # an owner's poll
            "In Monday's Reyes poll, Ruiz leads the mayor by nine points.",
            [("Monday's Reyes poll", "In", "Ruiz leads the mayor by nine points", "indirect")],
        ),
        (  # a reputation: "for" joins the cue, as "as" does
            "The mayor is best known for her fight with the county.",
            [(None, "known for", "The mayor … her fight with the county", "indirect")],
        ),
        (  # a quoted show title before the speaker is not part of an indirect statement
            "On “Morning Roundup,” Ruiz said the levy was “dead on arrival.”",
            [("Ruiz", "said", "the levy was “dead on arrival.”", "mixed")],
        ),
        (  # "in a statement" is the tag's setting: the quotation after it goes on
            "“The vote was fair,” Ruiz said in a statement. “We will not appeal.”",
            [("Ruiz", "said", "“The vote was fair,” … “We will not appeal.”", "direct")],
        ),
        (  # "first" between the auxiliary and the cue: still a passive with its agent
            "The merger talks were first reported by the Courier.",
            [("the Courier", "were first reported", "The merger talks", "indirect")],
        ),
        (  # a fronted time phrase is no speaker
            "Early Tuesday, the county disclosed that it had lost the ballots.",
            [("the county", "disclosed", "that it had lost the ballots", "indirect")],
        ),
        (  # a participle's subject comes after a fronted time phrase
            "Hours later, Ruiz returned the favor, telling reporters that the mayor was a friend.",
            [("Ruiz", "telling", "that the mayor was a friend", "indirect")],
        ),
        (  # an approximate number opens the subject
            "About 200 farmers gathered outside the hall, holding signs and chanting “Save it.”",
            [("About 200 farmers", "chanting", "“Save it.”", "direct")],
        ),
        (  # a pronoun with its clitic
            "Since the vote in May, she's moved to the left, criticizing the levy.",
            [("she", "criticizing", "the levy", "indirect")],
        ),
        (  # a participle after a determiner modifies the subject, it is not its verb
            "The retired judge spoke at length, remarking that the court was overworked.",
            [("The retired judge", "remarking", "that the court was overworked", "indirect")],
        ),
    ],
)
def test_statement_shapes(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (  # the tag before: later paragraphs that open with a quote mark continue the quotation
            "The commander said: “We will not leave.\n“We will stay until the end.”\nTrucks left.",
            ["“We will not leave", "“We will stay until the end.”"],
        ),
        (  # the tag after: the open quotation of the paragraph before joins the statement
            "“We will not leave.\n“We will stay until the end,” the commander said.",
            ["“We will not leave.", "“We will stay until the end,”"],
        ),
    ],
)
def test_quotation_running_over_paragraphs_is_one_statement(
    text_in: str, expected: list[str], lexicons: Lexicons
) -> None:
    [(speaker, cue, content, kind)] = statements_in(text_in, lexicons)
    tag_first = "said:" in text_in
    assert (speaker, cue, kind) == (
        "The commander" if tag_first else "the commander",
        "said:" if tag_first else "said",  # a colon belongs to the cue, as PolNeAR marks it
        "direct",
    )
    assert content.split(" … ") == expected


def test_quote_spanning_paragraphs_stays_open_until_closed() -> None:
    text = "“First part of the quote.\n“Second part,” she said."
    paragraphs = split_paragraphs(text)
    assert [q.text(text) for q in find_quotes(text, paragraphs[0])] == ["“First part of the quote."]
    assert [q.text(text) for q in find_quotes(text, paragraphs[1])] == ["“Second part,”"]


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        ('He called it "a disaster" and "a shame".', ['"a disaster"', '"a shame"']),
        ('Mixed “curly" and "straight” marks.', ['“curly"', '"straight”']),
        ("No quotes here.", []),
    ],
)
def test_quotes_pair_straight_and_curly_marks(text_in: str, expected: list[str]) -> None:
    assert [q.text(text_in) for q in find_quotes(text_in, Span(0, len(text_in)))] == expected


def test_numbers_with_thousands_separators_are_one_token() -> None:
    # a comma inside "40,000" would split the clause and end a content or a speaker there
    text = "Officials expected 40,000 people, and $1,250.50 each."
    words = [t.text for t in tokenize(text, Span(0, len(text)))]
    assert words[2:5] == ["40,000", "people", ","]
    assert "1,250.50" in words


def test_a_framed_quotation_inside_another_content_is_not_nested(lexicons: Lexicons) -> None:
    # PolNeAR marks the outermost attribution only, but a quotation with its own cue is
    # annotated wherever it stands; a reported clause inside another's content is nested
    text = "Lee said Okafor told reporters: “The harbor will flood.”"
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    assert {s.cue.text(text): s.nested for s in found if s.cue} == {"said": False, "told": False}
    text = "Ryabkov said that the rebels claimed the road was open."
    units = [(i, p, split_sentences(text, p)) for i, p in enumerate(split_paragraphs(text))]
    found = find_statements(text, units, lexicons.cues)
    assert {s.cue.text(text): s.nested for s in found if s.cue} == {
        "said": False,
        "claimed": True,
    }
