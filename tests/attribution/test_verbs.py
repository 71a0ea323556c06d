"""The rules for verb cues with the speaker as subject or inverted: forward, backward, "as X said", objects.

Each row: a text and every statement found in it, as (speaker, cue, content, kind, rule)."""

from __future__ import annotations

import pytest
from rows import Row, statements_in

from research.pipeline import Lexicons


@pytest.mark.parametrize(
    ("text_in", "expected"),
    [
        (
            "Officials said that the convoy had left the city.",
            [("Officials", "said", "that the convoy had left the city", "indirect", "forward")],
        ),
        (
            "“The convoy has left,” the minister said.",
            [("the minister", "said", "“The convoy has left,”", "direct", "backward")],
        ),
        (
            "“The convoy has left,” said Ahmed Karimi, a council member.",
            [("Ahmed Karimi", "said", "“The convoy has left,”", "direct", "inverted")],
        ),
        (
            "Layla Haddad, a spokeswoman for the council, said the city was “under siege”.",
            [("Layla Haddad", "said", "the city was “under siege”", "mixed", "forward")],
        ),
        (
            "The mayor told reporters on Sunday that the water supply was cut.",
            [("The mayor", "told", "that the water supply was cut", "indirect", "forward")],
        ),
        (
            "“We are ready,” he said, adding that talks would resume.",
            [
                ("he", "said", "“We are ready,”", "direct", "backward"),
                ("he", "adding", "that talks would resume", "indirect", "participle_continues"),
            ],
        ),
        (
            "“We will stay. We will not surrender,” the commander said.",
            [
                (
                    "the commander",
                    "said",
                    "“We will stay. We will not surrender,”",
                    "direct",
                    "backward",
                )
            ],
        ),
        (
            "Residents reported shelling amid claims from activists that the road was closed.",
            [
                (
                    "Residents",
                    "reported",
                    "shelling amid claims from activists that the road was closed",
                    "indirect",
                    "forward",
                ),
                ("activists", "claims", "that the road was closed", "indirect", "noun_cue_from"),
            ],
        ),
        (
            "The fighters, who local officials say number a few hundred, withdrew.",
            [("local officials", "say", "number a few hundred", "indirect", "forward")],
        ),
        (
            "Commenting on Monday, Deputy Minister Omar Nadim said no agreement was near.",
            [
                (
                    "Deputy Minister Omar Nadim",
                    "said",
                    "no agreement was near",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # an interrupted quotation is one statement with two fragments
        (
            "“We stay,” the mayor said on Monday. “Nobody leaves.”",
            [("the mayor", "said", "“We stay,” … “Nobody leaves.”", "direct", "backward")],
        ),
        # the cue keeps its verb group
        (
            "The envoy has also said that the corridor will stay open.",
            [
                (
                    "The envoy",
                    "has also said",
                    "that the corridor will stay open",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a relative pronoun next to the cue is the speaker, as annotators mark it
        (
            "Aid came from Nadia Rahim, who said the trucks were late.",
            [("who", "said", "the trucks were late", "indirect", "forward")],
        ),
        # a "that" after an infinitive does not open the raising verb's content
        (
            "Lawyers for the city appeared to oppose the motion, saying in a filing that the records were private.",
            [
                ("Lawyers for the city", "appeared to oppose", "the motion", "indirect", "forward"),
                (
                    "Lawyers for the city",
                    "saying",
                    "that the records were private",
                    "indirect",
                    "participle_continues",
                ),
            ],
        ),
        # a refusal to speak: the verb after the auxiliary, its object with the preposition
        (
            "The ministry did not respond to a request for comment.",
            [
                (
                    "The ministry",
                    "did not respond to",
                    "a request for comment",
                    "indirect",
                    "object_of_preposition",
                )
            ],
        ),
        # a progressive multiword cue is no passive
        (
            "The mayor is talking about raising the port fees.",
            [("The mayor", "is talking about", "raising the port fees", "indirect", "forward")],
        ),
        # an infinitive cue shares the subject of the verb or adjective before it
        (
            "The union voted to endorse the governor.",
            [("The union", "voted to endorse", "the governor", "indirect", "forward")],
        ),
        (
            "The senator was reluctant to endorse the treaty.",
            [("The senator", "was reluctant to endorse", "the treaty", "indirect", "forward")],
        ),
        # "support": the verb after a subject, the noun after a verb
        (
            "Most farmers support the new tariff.",
            [("Most farmers", "support", "the new tariff", "indirect", "forward")],
        ),
        (
            "As the governor said, the roads will reopen on Friday.",
            [("the governor", "said", "the roads will reopen on Friday", "indirect", "as_said")],
        ),
        (
            "The minister reportedly said that talks had stalled.",
            [("The minister", "reportedly said", "that talks had stalled", "indirect", "forward")],
        ),
        # the tag interrupts the content
        (
            "Even so, she said, the board must vote on the levy by May.",
            [("she", "said", "the board must vote on the levy by May", "indirect", "interrupted")],
        ),
        # a short tag after the content, then an unrelated phrase
        (
            "Hundreds of men have gone missing, the UN said earlier this week, amid the fighting.",
            [("the UN", "said", "Hundreds of men have gone missing", "indirect", "backward")],
        ),
        (
            "Said Lena Reyes, who runs the diner, “The whole street turned out.”",
            [("Lena Reyes", "Said", "“The whole street turned out.”", "direct", "fronted_said")],
        ),
        # an attitude toward a thing is an attribution too (PolNeAR's guidelines)
        (
            "Senator Mara Voss criticized the budget deal, saying it cut aid.",
            [
                ("Senator Mara Voss", "criticized", "the budget deal", "indirect", "forward"),
                ("Senator Mara Voss", "saying", "it cut aid", "indirect", "participle_continues"),
            ],
        ),
        # a negated cue is still an attribution (PolNeAR annotates "did not mention")
        (
            "The minister did not say whether the talks would resume.",
            [
                (
                    "The minister",
                    "did not say",
                    "whether the talks would resume",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a quantifier or an approximate number stands alone as the subject
        (
            "Several said they would stay home on election day.",
            [("Several", "said", "they would stay home on election day", "indirect", "forward")],
        ),
        (
            "About half said they would vote for the levy.",
            [("About half", "said", "they would vote for the levy", "indirect", "forward")],
        ),
        # a sentence adverb set off by a comma is not the subject
        (
            "Notably, the judge said the fine would stand.",
            [("the judge", "said", "the fine would stand", "indirect", "forward")],
        ),
        (
            "That is why critics say the levy is too high.",
            [("critics", "say", "the levy is too high", "indirect", "forward")],
        ),
        # a second verb after ", and" shares the sentence's subject
        (
            "The mayor called the plan fair, and said it would pass.",
            [
                ("The mayor", "called", "the plan fair", "indirect", "forward"),
                ("The mayor", "said", "it would pass", "indirect", "forward"),
            ],
        ),
        # an inverted speaker may open with a lowercase title
        (
            "“We lost the county,” said former governor Tom Reyes.",
            [("former governor Tom Reyes", "said", "“We lost the county,”", "direct", "inverted")],
        ),
        # after "told" comes the addressee, not an inverted speaker
        (
            "“It is fine,” Ana Ruiz, a lawyer in Dayton, told The Courier.",
            [("Ana Ruiz", "told", "“It is fine,”", "direct", "backward")],
        ),
        # the object of an attitude verb ends where the scene is set
        (
            "Rivera also criticized Okafor during a rally in Dayton.",
            [("Rivera", "also criticized", "Okafor", "indirect", "object")],
        ),
        # a progressive after a clitic: the clitic is not part of the speaker
        (
            "He’s predicting he will win the county.",
            [("He", "predicting", "he will win the county", "indirect", "forward")],
        ),
        # the subject of "failed" is the source of the infinitive cue
        (
            "Okafor failed to mention the bridge repairs.",
            [("Okafor", "failed to mention", "the bridge repairs", "indirect", "forward")],
        ),
        # the dateline and a time phrase before the verb are not the speaker
        (
            "DAYTON (AP) — Mayor Tom Reyes said Tuesday that the bridge would reopen.",
            [("Mayor Tom Reyes", "said", "that the bridge would reopen", "indirect", "forward")],
        ),
        (
            "Ana Ruiz, the party chair, this past week announced that the vote would move.",
            [("Ana Ruiz", "announced", "that the vote would move", "indirect", "forward")],
        ),
        # a coordinated verb shares the subject, not the object of the verb before it
        (
            "Ana Ruiz posted a photo of the flooded road and said the county had ignored warnings.",
            [
                ("Ana Ruiz", "posted", "a photo of the flooded road", "indirect", "forward"),
                ("Ana Ruiz", "said", "the county had ignored warnings", "indirect", "forward"),
            ],
        ),
        # the quotation closed the sentence before; the clause after "said" is the content
        (
            "“The bridge is safe.” He said he would drive across it on Monday.",
            [("He", "said", "he would drive across it on Monday", "indirect", "forward")],
        ),
        # ... but a quotation that opens the sentence with a comma is still the content
        (
            "“The bridge is safe,” Reyes told reporters as he left the hall.",
            [("Reyes", "told", "“The bridge is safe,”", "direct", "backward")],
        ),
        # a surname that is also an adjective
        (
            "Young said the plan was sound.",
            [("Young", "said", "the plan was sound", "indirect", "forward")],
        ),
        (
            "The senator raised concerns about the budget.",
            [("The senator", "raised", "concerns about the budget", "indirect", "forward")],
        ),
        (
            "“We will rebuild,” she continued.",
            [("she", "continued", "“We will rebuild,”", "direct", "backward")],
        ),
        # a content ends where another speaker's clause begins, after a comma or "and"
        (
            "Moscow wants a ceasefire, and the rebels say they need guarantees.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect", "forward"),
                ("the rebels", "say", "they need guarantees", "indirect", "forward"),
            ],
        ),
        (
            "Ryabkov said the talks had stalled, Kerry insisted progress was possible.",
            [
                ("Ryabkov", "said", "the talks had stalled", "indirect", "forward"),
                ("Kerry", "insisted", "progress was possible", "indirect", "forward"),
            ],
        ),
        # right after a verb, the words before "and" are its object, not the next subject
        (
            "Moscow wants a ceasefire and Damascus wants a military victory.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect", "forward"),
                ("Damascus", "wants", "a military victory", "indirect", "forward"),
            ],
        ),
        # "agreed on a plan" reports no content: no statement made of a lone "that"
        (
            "Kerry said that the rebels agreed on a plan.",
            [("Kerry", "said", "that the rebels agreed on a plan", "indirect", "forward")],
        ),
        # ... but "X said that Y claimed Z" reports Y inside X's content
        (
            "Ryabkov said that the rebels claimed the road was open.",
            [
                (
                    "Ryabkov",
                    "said",
                    "that the rebels claimed the road was open",
                    "indirect",
                    "forward",
                ),
                ("the rebels", "claimed", "the road was open", "indirect", "forward"),
            ],
        ),
        # "maintain", "prove" report only with a clause
        (
            "The mayor maintained that the audit was flawed.",
            [("The mayor", "maintained", "that the audit was flawed", "indirect", "forward")],
        ),
        # a contrast joins two statements: the first content ends before "while"
        (
            "Moscow wants a ceasefire while the rebels say the road is open.",
            [
                ("Moscow", "wants", "a ceasefire", "indirect", "forward"),
                ("the rebels", "say", "the road is open", "indirect", "forward"),
            ],
        ),
        # the left clause has its own verb: the speaker is the subject after "and"
        (
            "The envoy met Lavrov and Kerry said the talks went well.",
            [("Kerry", "said", "the talks went well", "indirect", "forward")],
        ),
        # a refusal: the verb is the cue, what was refused the content
        (
            "A spokeswoman for the council declined to comment.",
            [("A spokeswoman for the council", "declined", "to comment", "indirect", "forward")],
        ),
        # an aside ends where the main verb comes back; the main statement is not nested in it
        (
            "Okafor, who backs the plan, said the vote would pass.",
            [
                ("who", "backs", "the plan", "indirect", "forward"),
                ("Okafor", "said", "the vote would pass", "indirect", "forward"),
            ],
        ),
        # ... and continues the outer statement, not a noun cue inside its content
        (
            "Okafor repeated his claims about the budget, calling it a fraud.",
            [
                ("Okafor", "repeated", "his claims about the budget", "indirect", "forward"),
                ("Okafor", "claims about", "the budget", "indirect", "owned_noun_object"),
                ("Okafor", "calling", "it a fraud", "indirect", "participle_continues"),
            ],
        ),
        # "a group called X" names; "a senator called X a liar" attributes
        (
            "A group called the Harbor Watch said it would sue.",
            [("A group called the Harbor Watch", "said", "it would sue", "indirect", "forward")],
        ),
        (
            "A senator called the mayor a liar.",
            [("A senator", "called", "the mayor a liar", "indirect", "forward")],
        ),
        (
            "She greeted 3,000 farmers at a fair in Dayton and told them that prices would rise.",
            [("She", "told", "that prices would rise", "indirect", "forward")],
        ),
        (
            "The council has not endorsed the plan or criticized its cost.",
            [
                (
                    "The council",
                    "has not endorsed",
                    "the plan or criticized its cost",
                    "indirect",
                    "forward",
                ),
                ("The council", "criticized", "its cost", "indirect", "forward"),
            ],
        ),
        (
            "Alarmed by the flooding, Senator Ruth Amoah, the committee chair, said that she would visit the district.",
            [
                (
                    "Senator Ruth Amoah",
                    "said",
                    "that she would visit the district",
                    "indirect",
                    "forward",
                )
            ],
        ),
        (
            "Even if the bill fails in the Senate, aides to the governor — two of them lawyers — said the fight would go on.",
            [("aides to the governor", "said", "the fight would go on", "indirect", "forward")],
        ),
        # "seem to" before a cue: the subject is the source
        (
            "The senator seemed to mock the proposal.",
            [("The senator", "seemed to mock", "the proposal", "indirect", "forward")],
        ),
        # the subject of an embedded clause right before the cue
        (
            "She skipped the queries she preferred not to take.",
            [("she", "preferred", "not to take", "indirect", "forward")],
        ),
        (
            "He is someone whom the mayor views as a rival.",
            [("the mayor", "views", "as a rival", "indirect", "forward")],
        ),
        # a time is no speaker, nor part of one
        (
            "Governor Ama Osei on Friday praised the new budget.",
            [("Governor Ama Osei", "praised", "the new budget", "indirect", "forward")],
        ),
        (
            "The bridge will reopen, Kofi Mensah, the city engineer, said Sunday.",
            [("Kofi Mensah", "said", "The bridge will reopen", "indirect", "backward")],
        ),
        (
            "The mayor, who last year opposed the tax, said it was now needed.",
            [
                ("who", "opposed", "the tax", "indirect", "forward"),
                ("The mayor", "said", "it was now needed", "indirect", "forward"),
            ],
        ),
        # a name's "’s" before a noun owns it; a negated verb, "himself", "both" are no part
        (
            "Donald Osei’s campaign manager said the rally would go ahead.",
            [
                (
                    "Donald Osei’s campaign manager",
                    "said",
                    "the rally would go ahead",
                    "indirect",
                    "forward",
                )
            ],
        ),
        (
            "A court document filed Thursday shows that the firm owed taxes.",
            [
                (
                    "A court document filed Thursday",
                    "shows",
                    "that the firm owed taxes",
                    "indirect",
                    "forward",
                )
            ],
        ),
        (
            "Richards and Menendez both argued that the bill was flawed.",
            [
                (
                    "Richards and Menendez",
                    "argued",
                    "that the bill was flawed",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a manner adverb joins the cue and does not hide the subject
        (
            "Mr. Adeyemi, who does not know the family, viciously attacked the verdict.",
            [
                ("who", "does not know", "the family", "indirect", "object"),
                ("Mr. Adeyemi", "viciously attacked", "the verdict", "indirect", "forward"),
            ],
        ),
        # a capitalized adjective after the cue is a name
        (
            "“We will win the county,” said Frank.",
            [("Frank", "said", "“We will win the county,”", "direct", "inverted")],
        ),
        # an inverted speaker with a determiner, a participle modifier or "known as"
        (
            "“We will rebuild,” said one official involved in the talks.",
            [
                (
                    "one official involved in the talks",
                    "said",
                    "“We will rebuild,”",
                    "direct",
                    "inverted",
                )
            ],
        ),
        (
            "“The gate was locked,” said the night manager known as Sam.",
            [
                (
                    "the night manager known as Sam",
                    "said",
                    "“The gate was locked,”",
                    "direct",
                    "inverted",
                )
            ],
        ),
        # a long scene after a backward cue is no content
        (
            "The plant will close in May, Dunmore said during his speech to the county board.",
            [("Dunmore", "said", "The plant will close in May", "indirect", "backward")],
        ),
        # a clause without "that" after the scene
        (
            "The Harlan Group said in a statement Friday night they withdrew the offer.",
            [
                (
                    "The Harlan Group",
                    "said",
                    "they withdrew the offer",
                    "indirect",
                    "clause_after_scene",
                )
            ],
        ),
        # a second report by the inverted speaker, through "who"
        (
            "“The vote was fair,” said Mayor Lena Ortiz, who said the count was over.",
            [
                ("Mayor Lena Ortiz", "said", "“The vote was fair,”", "direct", "inverted"),
                ("who", "said", "the count was over", "indirect", "forward"),
            ],
        ),
        # poll shares are speakers
        (
            "In the county survey, 42% say the levy is too high.",
            [("42%", "say", "the levy is too high", "indirect", "forward")],
        ),
        (
            "About three-fourths say the levy is too high.",
            [("About three-fourths", "say", "the levy is too high", "indirect", "forward")],
        ),
        # a noun before a finite verb heads its subject: "report" is no cue here
        (
            "The plant lacked basic safeguards, the state report said.",
            [
                (
                    "the state report",
                    "said",
                    "The plant lacked basic safeguards",
                    "indirect",
                    "backward",
                )
            ],
        ),
        # a quantifier before a verb-only cue is its subject, not a determiner
        (
            "Some said the count was wrong.",
            [("Some", "said", "the count was wrong", "indirect", "forward")],
        ),
        # a relative clause after a preposition: its subject speaks
        (
            "Ruiz spoke at a town hall in which he said the levy was unfair.",
            [("he", "said", "the levy was unfair", "indirect", "forward")],
        ),
        # a fronted phrase without a comma before the subject
        (
            "At the rally on Friday she said the plan would fail.",
            [("she", "said", "the plan would fail", "indirect", "forward")],
        ),
        # double hyphens set off an apposition
        (
            "A former senator -- Tom Reyes, who lost in 2008 -- said the plan would fail.",
            [("A former senator", "said", "the plan would fail", "indirect", "forward")],
        ),
        # a name's possessive is not the verb "is"
        (
            "Mr. Ruiz's former campaign manager, Dana Ortiz, said the aide should go.",
            [
                (
                    "Mr. Ruiz's former campaign manager",
                    "said",
                    "the aide should go",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a quotation after the addressee and a comma; a backward "told"
        (
            "Ruiz told the Courier, “We are not leaving.”",
            [("Ruiz", "told", "“We are not leaving.”", "direct", "quote_after_scene")],
        ),
        (
            "The levy will fail, Ruiz told the council on Monday.",
            [("Ruiz", "told", "The levy will fail", "indirect", "backward")],
        ),
        (
            "The senator is calling for a new vote on the levy.",
            [("The senator", "is calling for", "a new vote on the levy", "indirect", "forward")],
        ),
        # a name, its apposition, then its verb: a clause
        (
            "Officials say Tomas Ruiz, the farmer who owns the land, sold the plot.",
            [
                (
                    "Officials",
                    "say",
                    "Tomas Ruiz, the farmer who owns the land, sold the plot",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # an infinitive "to say" reports for the main verb's subject
        (
            "Voters were more likely to say the levy was unfair.",
            [("Voters", "were more likely to say", "the levy was unfair", "indirect", "forward")],
        ),
        # a relative clause in the subject is no content before an inverted speaker
        (
            "Dana Ortiz, a farmer who chairs the co-op, called the levy a disaster.",
            [("Dana Ortiz", "called", "the levy a disaster", "indirect", "forward")],
        ),
        # a capitalized modal after the cue is a name; a participle opens a title
        (
            "“The fees are too high,” said Will Dorsey, a teacher at the college.",
            [("Will Dorsey", "said", "“The fees are too high,”", "direct", "inverted")],
        ),
        (
            "“I will not apologize,” said retired surgeon Ben Ortiz.",
            [
                (
                    "retired surgeon Ben Ortiz",
                    "said",
                    "“I will not apologize,”",
                    "direct",
                    "inverted",
                )
            ],
        ),
        # a coordinated predicate shares the sentence's subject
        (
            "Dana Ruiz, a retired pilot, joined the board and said he would run.",
            [("Dana Ruiz", "said", "he would run", "indirect", "forward")],
        ),
        # "that night" is no complementizer
        (
            "“The harvest is late,” he said in his speech that night.",
            [("he", "said", "“The harvest is late,”", "direct", "backward")],
        ),
        # an adverb in -ly joins the verb group, past a relative pronoun
        (
            "Ana Ruiz, who formally endorsed Mendes on Sunday, spoke next.",
            [("who", "formally endorsed", "Mendes", "indirect", "object")],
        ),
        # a relative aside before the verb: the subject comes before it, not after the verb
        (
            "Chief Ana Ruiz, who spent the night near the square, described the march as calm.",
            [("Chief Ana Ruiz", "described", "the march as calm", "indirect", "forward")],
        ),
        # a subject with its apposition before the verb: no speaker after the verb
        (
            "Ana Ruiz, 61, declined several requests for an interview.",
            [("Ana Ruiz", "declined", "several requests for an interview", "indirect", "forward")],
        ),
        # ", as X reported": the content is the clause before
        (
            "The talks collapsed on Friday, as the Harlow Post reported.",
            [
                (
                    "the Harlow Post",
                    "reported",
                    "The talks collapsed on Friday",
                    "indirect",
                    "as_said",
                )
            ],
        ),
        # a final tag after a comma reports the whole clause; the inner content ends at it
        (
            'The mayor pledged to "fix the roads before winter," the Harlow Post reported.',
            [
                (
                    "the Harlow Post",
                    "reported",
                    'The mayor pledged to "fix the roads before winter,"',
                    "mixed",
                    "backward",
                ),
                ("The mayor", "pledged", '"fix the roads before winter,"', "mixed", "forward"),
            ],
        ),
        # a second predicate of the same subject is a statement of its own
        (
            "The mayor blamed the outage on hackers but later admitted to deleting the files.",
            [
                ("The mayor", "blamed", "the outage on hackers", "indirect", "forward"),
                ("The mayor", "admitted", "to deleting the files", "indirect", "forward"),
            ],
        ),
        (
            "Most of the members said they would back the bill, while stressing it was no deal.",
            [
                ("Most of the members", "said", "they would back the bill", "indirect", "forward"),
                (
                    "Most of the members",
                    "stressing",
                    "it was no deal",
                    "indirect",
                    "participle_continues",
                ),
            ],
        ),
        # a relative clause in the subject ends where the main verb opens its own statement
        (
            "Senators who praised the plan warned on Friday that the county may have to delay it.",
            [
                ("who", "praised", "the plan", "indirect", "forward"),
                (
                    "Senators",
                    "warned",
                    "that the county may have to delay it",
                    "indirect",
                    "forward",
                ),
            ],
        ),
        (
            'Dana Ruiz - who said she would "fight the tax" - said on Friday that the vote should wait.',
            [
                ("who", "said", 'she would "fight the tax"', "mixed", "forward"),
                ("Dana Ruiz", "said", "that the vote should wait", "indirect", "forward"),
            ],
        ),
        # ... but a clause the relative's verb reports keeps its own statement inside
        (
            "Residents who say the mayor promised a new park are angry.",
            [
                ("who", "say", "the mayor promised a new park are angry", "indirect", "forward"),
                ("the mayor", "promised", "a new park are angry", "indirect", "forward"),
            ],
        ),
        # a pronoun opening the reported clause restates its speaker: one statement, not two
        (
            "Organizers say they want the march to stay calm.",
            [("Organizers", "say", "they want the march to stay calm", "indirect", "forward")],
        ),
        # "the one danger she sees": the speaker is the pronoun, not the noun it is about
        (
            "The one danger she sees is a long recession.",
            [("she", "sees", "is a long recession", "indirect", "forward")],
        ),
        # a poll finds with an object; a person finds a clause
        (
            "The poll found the governor ahead by six points.",
            [("The poll", "found", "the governor ahead by six points", "indirect", "forward")],
        ),
        # "see" reports a view with "as"; "saw the crowd" is sight
        (
            "Some analysts see the governor's tax plan as a bid for the nomination.",
            [
                (
                    "Some analysts",
                    "see",
                    "the governor's tax plan as a bid for the nomination",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a participle after the subject's noun is part of it: the next verb is the cue
        (
            "A poll from Lakeside College released Wednesday found Okafor ahead by 15 points.",
            [
                (
                    "A poll from Lakeside College released Wednesday",
                    "found",
                    "Okafor ahead by 15 points",
                    "indirect",
                    "forward",
                )
            ],
        ),
        # a pronoun with its clitic opens a clause: "claims" is the verb, not a noun
        (
            "Okafor claims he's owed $2 million by the county.",
            [("Okafor", "claims", "he's owed $2 million by the county", "indirect", "forward")],
        ),
        # the "that" clause after an aside set off by commas
        (
            "The mayor said, among other things, that the bridge would stay shut.",
            [
                (
                    "The mayor",
                    "said",
                    "that the bridge would stay shut",
                    "indirect",
                    "complement_after_aside",
                )
            ],
        ),
        # ... or the infinitive
        (
            "And he refused, again, to concede defeat.",
            [("he", "refused", "to concede defeat", "indirect", "complement_after_aside")],
        ),
        # in a fronted subordinate clause the content ends where the main clause starts
        (
            "Although in March she said the levy was fair, the governor now opposes it.",
            [
                ("she", "said", "the levy was fair", "indirect", "forward"),
                ("the governor", "opposes", "it", "indirect", "forward"),
            ],
        ),
        # a quotation already reported in the sentence before is no refusal's content
        (
            'The council spokesman said in a post, "The roads are closed." A deputy declined to comment.',
            [
                (
                    "The council spokesman",
                    "said",
                    '"The roads are closed."',
                    "direct",
                    "quote_after_scene",
                ),
                ("A deputy", "declined", "to comment", "indirect", "forward"),
            ],
        ),
        # "as" after a leading connective: the content follows the comma
        (
            "But, as we learned in Ohio, early leads can vanish overnight.",
            [("we", "learned", "early leads can vanish overnight", "indirect", "as_said")],
        ),
        # an infinitive whose verb the tag lexicon reads first as a noun
        (
            "The ferry company refused to comment on the fares.",
            [("The ferry company", "refused", "to comment on the fares", "indirect", "forward")],
        ),
        # an attitude or decree verb does not report the clause before it; "at least" counts
        (
            "Now, he says, at least nine members have signed on.",
            [("he", "says", "at least nine members have signed on", "indirect", "interrupted")],
        ),
        # a gerund after a preposition is the object
        (
            "The ferry company balked at raising its fares.",
            [
                (
                    "The ferry company",
                    "balked at",
                    "raising its fares",
                    "indirect",
                    "object_of_preposition",
                )
            ],
        ),
        # the clause before the appositions is what was said, not the speaker
        (
            "The port reopened on Monday, a spokeswoman, Mara Lind, said in a statement.",
            [("a spokeswoman", "said", "The port reopened on Monday", "indirect", "backward")],
        ),
        # an opening mark typed for the closing one
        (
            "“It is unusual,“ said Paul Reyes, a former counsel.",
            [("Paul Reyes", "said", "“It is unusual,“", "direct", "inverted")],
        ),
        # a quoted word in a relative clause does not hide the subject of the main verb
        (
            "Okafor, who calls the toll a “scam,” said she would vote against it.",
            [
                ("who", "calls", "the toll a “scam,”", "mixed", "forward"),
                ("Okafor", "said", "she would vote against it", "indirect", "forward"),
            ],
        ),
        (
            "Reyes, the author of “Open Roads,” said the bridge was late.",
            [("Reyes", "said", "the bridge was late", "indirect", "forward")],
        ),
        (
            "“There is no data on that,” said one unaligned county strategist.",
            [
                (
                    "one unaligned county strategist",
                    "said",
                    "“There is no data on that,”",
                    "direct",
                    "inverted",
                )
            ],
        ),
        (
            "“We need every vote,” said Ohio voter Lena Reyes when asked about the race.",
            [
                ("Ohio voter Lena Reyes", "said", "“We need every vote,”", "direct", "inverted"),
                (None, "asked", "about the race", "indirect", "asked"),
            ],
        ),
        # the quotation ending the sentence before is not this sentence's content
        (
            "The mayor called Okafor “reckless.” The council member called the plan “a disgrace.”",
            [
                ("The mayor", "called", "Okafor “reckless.”", "mixed", "forward"),
                ("The council member", "called", "the plan “a disgrace.”", "mixed", "forward"),
            ],
        ),
        (
            "“Vote for the bridge,” read the flyer.",
            [("the flyer", "read", "“Vote for the bridge,”", "direct", "inverted")],
        ),
        (
            "As the auditor put it, “The numbers do not add up.”",
            [("the auditor", "put it", "“The numbers do not add up.”", "direct", "as_said")],
        ),
        # a doubled apostrophe closes the quotation together with a nested single one
        (
            "''He looked at me and said, 'Go home.''' Mr. Reyes said.",
            [
                (
                    "Mr. Reyes",
                    "said",
                    "''He looked at me and said, 'Go home.'''",
                    "direct",
                    "backward",
                )
            ],
        ),
        # a paragraph ending in a colon announces the quotation that opens the next
        (
            "The mayor spoke.\n\nThe council said in a letter:\n\n“We regret the delay.”",
            [("The council", "said", "“We regret the delay.”", "direct", "forward")],
        ),
        # after a complementizer, "according to X," opens the reported clause
        (
            "Ruiz said that according to the county's count, the levy had passed.",
            [
                (
                    "Ruiz",
                    "said",
                    "that according to the county's count, the levy had passed",
                    "indirect",
                    "forward",
                ),
                (
                    "the county's count",
                    "according to",
                    "the levy had passed",
                    "indirect",
                    "according_to_fronted",
                ),
            ],
        ),
        # a quotation after a colon is all the tag after it reports
        (
            "Ruiz was blunt: “The levy is dead,” she said.",
            [("she", "said", "“The levy is dead,”", "direct", "backward")],
        ),
        # a quoted show title before the speaker is not part of an indirect statement
        (
            "On “Morning Roundup,” Ruiz said the levy was “dead on arrival.”",
            [("Ruiz", "said", "the levy was “dead on arrival.”", "mixed", "forward")],
        ),
        # "in a statement" is the tag's setting: the quotation after it goes on
        (
            "“The vote was fair,” Ruiz said in a statement. “We will not appeal.”",
            [
                (
                    "Ruiz",
                    "said",
                    "“The vote was fair,” … “We will not appeal.”",
                    "direct",
                    "backward",
                )
            ],
        ),
        # a fronted time phrase is no speaker
        (
            "Early Tuesday, the county disclosed that it had lost the ballots.",
            [("the county", "disclosed", "that it had lost the ballots", "indirect", "forward")],
        ),
        (
            "But she said, again, that the levy would pass.",
            [
                (
                    "she",
                    "said",
                    "that the levy would pass",
                    "indirect",
                    "complement_after_connective",
                )
            ],
        ),
    ],
)
def test_verbs(text_in: str, expected: list[Row], lexicons: Lexicons) -> None:
    assert statements_in(text_in, lexicons) == expected
