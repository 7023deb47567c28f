//! The English classes of the rules, each pinned with sentences written for these tests
//! (wire copy, interview transcripts, speeches, essays, letters, press releases). The
//! rules' scores on the English fixture are checked in `tests/cli/eval.rs`.

use glose::model::label::Label;
use glose::nlp::analysis::Analyzer;
use glose::nlp::highlight::Kind;
use glose::nlp::lang::Lang;

/// The suggested label of `text[start..end]`, with its reasons for the message.
fn label_at(text: &str, start: usize, end: usize) -> (Label, Vec<String>) {
    let a = Analyzer::builtin().span(text, Lang::En, start, end);
    a.suggestion
        .map_or((Label::Skip, Vec::new()), |s| (s.label, s.reasons))
}

/// Each one-sentence text gets the label `want`.
fn labelled(cases: &[&str], want: Label) {
    for s in cases {
        let (got, why) = label_at(s, 0, s.len());
        assert_eq!(got, want, "{s}: {why:?}");
    }
}

/// The source spans of a one-sentence text.
fn sources(text: &str) -> Vec<String> {
    Analyzer::builtin()
        .span(text, Lang::En, 0, text.len())
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Source)
        .map(|s| text[s.start..s.end].to_string())
        .collect()
}

/// Each sentence of a multi-sentence text, found by its words, gets the label `want`.
fn labelled_in(text: &str, cases: &[(&str, Label)]) {
    for (s, want) in cases {
        let start = text
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in the text"));
        let (got, why) = label_at(text, start, start + s.len());
        assert_eq!(got, *want, "{s}: {why:?}");
    }
}

/// Attributions of news copy: a tail `the company said`, `said X, a spokesman for Y`,
/// `according to` a named body at the end, `told reporters that`, `said in a statement`,
/// a habitual `used to say`, a reported question, a stance with no clause, a study's
/// finding; an infinitive or an action verb reports nothing.
#[test]
fn english_attributions_are_quotes() {
    labelled(
        &[
            "The plant will close in March, the company said.",
            "\"We are still talking,\" said Ana Ruiz, a spokeswoman for the union.",
            "Three people were injured, according to the Bureau of Fire Safety.",
            "Rescue workers told reporters that the bridge had moved overnight.",
            "The ministry said in a statement that the talks would resume.",
            "My grandmother used to say that bread is the first medicine.",
            "She asked why the school had not been warned.",
            "Several neighbours disagreed.",
            "A survey of 2,000 drivers found that most had never used the new lanes.",
            "But the administration has indicated it will not take part.",
            "The coach admitted they had been careless in the second half.",
        ],
        Label::Quote,
    );
    labelled(
        &[
            "The council voted to add two stations to the line.",
            "Workers found a second crack in the dam on Tuesday.",
        ],
        Label::Factual,
    );
    assert_eq!(
        sources("Prices rose 4%, according to the Office for National Statistics."),
        ["according to the Office for National Statistics"]
    );
}

/// Two attributions found missing on text the rules had not seen: an adjective or a noun
/// before the noun that names the source after `according to`, and a subject with a verb
/// that reports only in a frame (`found`) set between commas inside the sentence (`said`
/// there was already an attribution). A noun that is also a verb between commas (`thin as
/// a fence post,`) attributes nothing.
#[test]
fn modified_and_parenthetical_attributions_are_quotes() {
    labelled(
        &[
            "Hedgehog numbers fell by half, according to the largest garden survey of its kind.",
            "Of the 12 wells tested, five held lead, the study found, including two at schools.",
            "Two of the wells, the inspectors found, were dry by July.",
        ],
        Label::Quote,
    );
    assert_eq!(
        sources("Rents rose 9%, according to a recent housing report by the city."),
        ["according to a recent housing report by the city"]
    );
    labelled(
        &["He is 80, thin as a fence post, with a beard he trims himself."],
        Label::Factual,
    );
}

/// A quotation running over paragraphs leaves each paragraph open and reopens the next;
/// its sentences are the source's. One left open with no paragraph reopening quotes
/// nothing beyond its line.
#[test]
fn quotations_run_over_paragraphs() {
    for (open, close) in [("\"", "\""), ("“", "”")] {
        let text = format!(
            "Ed Wilcox said he was ready to stay out.\n{open}My father did this job. \
             We are not going to hand it over to a machine.\n{open}If they want a \
             fight, they will get one,{close} he said.\nThe port stayed shut on Friday.\n"
        );
        labelled_in(
            &text,
            &[
                ("My father did this job.", Label::Quote),
                (
                    "We are not going to hand it over to a machine.",
                    Label::Quote,
                ),
                ("The port stayed shut on Friday.", Label::Factual),
            ],
        );
    }
    let stray =
        "\"The market opened late. Traders waited for the figures.\nThe index fell 2% on Monday.\n";
    labelled_in(stray, &[("The index fell 2% on Monday.", Label::Factual)]);
}

/// Every sentence of an answer (`A: …`) is the speaker's: quote, whatever its cues; the
/// interviewer's question asserts nothing (skip); the transcript's introduction stays the
/// author's.
#[test]
fn interview_turns_are_quotes() {
    let text = "Lena Ortiz has worked as a nurse for 12 years.\n\
                Q: When did you first notice something was wrong?\n\
                A: In August we had nine children with the same symptoms. I think \
                the city knew. Nobody told us anything.\n";
    labelled_in(
        text,
        &[
            (
                "Lena Ortiz has worked as a nurse for 12 years.",
                Label::Factual,
            ),
            (
                "Q: When did you first notice something was wrong?",
                Label::Skip,
            ),
            (
                "A: In August we had nine children with the same symptoms.",
                Label::Quote,
            ),
            ("I think the city knew.", Label::Quote),
            ("Nobody told us anything.", Label::Quote),
        ],
    );
    // A colon after other words is no speaker label.
    labelled(
        &["Also: the bridge reopened at noon on Monday."],
        Label::Factual,
    );
}

/// A transcript that names its speakers in capitals (`LOPEZ: …`, `MR. HARTMANN: …`):
/// each turn is the speaker's, its opening included, even where it reads as a title; a
/// formula of politeness alone is ceremony, as outside a turn; one line in capitals alone
/// (a dateline) opens no turn.
#[test]
fn named_transcript_turns_are_quotes() {
    let text = "Episode 12\n\n\
                LOPEZ: This is The Ground Floor. I'm Maria Lopez.\n\n\
                MR. HARTMANN: Glad to be here. The city permitted 22,000 units.\n\n\
                LOPEZ: Thank you both.\n";
    labelled_in(
        text,
        &[
            ("LOPEZ: This is The Ground Floor.", Label::Quote),
            ("I'm Maria Lopez.", Label::Quote),
            ("MR. HARTMANN: Glad to be here.", Label::Quote),
            ("The city permitted 22,000 units.", Label::Quote),
            ("LOPEZ: Thank you both.", Label::Skip),
        ],
    );
    let news = "NEW DELHI: The government raised fuel prices by 2 percent on Monday.\n";
    labelled_in(
        news,
        &[(
            "NEW DELHI: The government raised fuel prices by 2 percent on Monday.",
            Label::Factual,
        )],
    );
}

/// A name as written labels a turn beside the interviewer's `Q:`; every sentence of the
/// answer is the speaker's, and the label's colon argues nothing.
#[test]
fn name_labels_beside_an_interviewer_are_turns() {
    let text = "Q: Why would a chef take this job?\n\n\
                Okafor: Honestly, I wanted to see my kids at dinner. The first month was rough.\n\n\
                Q: What does $3.80 buy?\n\n\
                Okafor: After labor, about a dollar sixty for food.\n";
    labelled_in(
        text,
        &[
            (
                "Okafor: Honestly, I wanted to see my kids at dinner.",
                Label::Quote,
            ),
            ("The first month was rough.", Label::Quote),
            (
                "Okafor: After labor, about a dollar sixty for food.",
                Label::Quote,
            ),
        ],
    );
}

/// An interview whose answers have no label (`Q: …` then a paragraph), or whose host is
/// named by role (`HOST: …`): the answers are quotes, the questions skip, and the host's
/// statements the host's turn.
#[test]
fn interview_answers_are_quotes_and_questions_skip() {
    let text = "Mira Castellanos has translated 14 novels since 2009.\n\n\
                Q: How did you end up translating from Korean?\n\n\
                Mostly by accident. My landlady was the best language course I ever had.\n\n\
                Q: Translators say they are invisible. Is that changing?\n\n\
                A little, but the pay is still terrible.\n";
    labelled_in(
        text,
        &[
            (
                "Mira Castellanos has translated 14 novels since 2009.",
                Label::Factual,
            ),
            (
                "Q: How did you end up translating from Korean?",
                Label::Skip,
            ),
            ("Mostly by accident.", Label::Quote),
            (
                "My landlady was the best language course I ever had.",
                Label::Quote,
            ),
            ("Is that changing?", Label::Skip),
            ("A little, but the pay is still terrible.", Label::Quote),
        ],
    );
    let radio = "HOST: Four branches will close on Mondays. So why the cuts?\n\n\
                 DIANE COLE: The short answer is money.\n\n\
                 HOST: Isn't that where people need the library most?\n\n\
                 DIANE COLE: It is.\n";
    labelled_in(
        radio,
        &[
            ("HOST: Four branches will close on Mondays.", Label::Quote),
            ("So why the cuts?", Label::Skip),
            ("DIANE COLE: The short answer is money.", Label::Quote),
            (
                "HOST: Isn't that where people need the library most?",
                Label::Quote,
            ),
        ],
    );
    // A page of questions and answers that is no interview (a FAQ) is the author's.
    let faq = "How do I renew my permit?\n\nThe office renews permits within a week.\n\n\
               Where do I pay?\n\nThe town hall takes payments from 9 a.m. to noon.\n";
    labelled_in(
        faq,
        &[
            ("The office renews permits within a week.", Label::Factual),
            (
                "The town hall takes payments from 9 a.m. to noon.",
                Label::Factual,
            ),
        ],
    );
}

/// The author turning to the reader (`you`, `your`) argues or advises where nothing
/// checkable competes; beside a figure it does not decide.
#[test]
fn speaking_to_the_reader_is_opinion_without_a_claim() {
    labelled(
        &[
            "You do not need a study to tell you this.",
            "If your watch buzzes, let it.",
            "You can see why the studios came calling.",
        ],
        Label::Opinion,
    );
    labelled(
        &[
            "Two hundred and twelve of you are parents.",
            "Thank you to the 300 volunteers who built the stage in 2019.",
        ],
        Label::Factual,
    );
}

/// Documents report what they hold (`according to the plea agreement`); a company's
/// suffix does not cut it from its verb (`Hartwell Appliances Inc. said`); `recommend`
/// reports in a frame (`has recommended since 2014 that …`).
#[test]
fn documents_companies_and_recommendations_attribute() {
    labelled(
        &[
            "He used the money to cover gambling debts, according to the plea agreement.",
            "Hartwell Appliances Inc. said on Thursday it would cut about 1,100 jobs.",
            "The American Academy of Pediatrics has recommended since 2014 that schools start later.",
        ],
        Label::Quote,
    );
    assert_eq!(
        sources("Hartwell Appliances Inc. said on Thursday it would cut 1,100 jobs."),
        ["Hartwell Appliances Inc. said"]
    );
    // Not a document or a speaker: a plan does not vouch.
    labelled(
        &["The trains will run every ten minutes, according to plan."],
        Label::Factual,
    );
}

/// The first person with a verb of thought or stance, or a modal of commitment, is the
/// author's judgment or promise; the first person narrating states facts. `should` and
/// `must` prescribe, even beside a figure; `have to` may state a constraint.
#[test]
fn first_person_stance_and_prescriptions_are_opinion() {
    labelled(
        &[
            "I believe this station will change the east side.",
            "I don't think so.",
            "We will not stop here.",
            "I urge every council member to visit the branch before the vote.",
            "Congress should lower the overtime threshold to 36 hours.",
            "The city must publish every test result.",
            "He was right.",
            "They were wrong about the buses.",
            "I'm worried the bill is going up again.",
            "We are proud of this school.",
        ],
        Label::Opinion,
    );
    labelled(
        &[
            "It took me five years to finish a two-year degree.",
            "A tutor stayed after class with me every Tuesday.",
            "I have lived on the east side for thirty years.",
            "We built the hub with $210 million in federal funding.",
            "When I took office, the commute took 52 minutes.",
            "Residents have to drive 40 miles to the nearest hospital.",
            "We won the first round in 2019.",
        ],
        Label::Factual,
    );
}

/// Units that are not sentences of the article: a headline in title case even with a
/// reporting verb, an author blurb, an editor's note on the piece; a dateline opening the
/// first sentence leaves it a sentence.
#[test]
fn english_page_furniture_is_skip() {
    labelled(
        &[
            "Acme Robotics Reports Record Revenue for Third Quarter",
            "Thomas Reid is a labor economist and the author of “Hours of Our Lives.”",
            "This interview has been edited for length and clarity.",
            "This interview was translated from Swahili and condensed.",
            "Analysis: The central bank has run out of good options",
            "For further information, please contact: press@nordrail.example",
        ],
        Label::Skip,
    );
    // The first line of a text without a full stop, in two parts, is its headline; a later
    // line of prose that lost its full stop is not.
    let text = "'We were not heard': the nurses who shut three hospitals in a week
                Nurses at three hospitals in Leeds walked out on Monday over pay.
                Picket lines formed before dawn at St James's and stayed until the evening shift began
";
    labelled_in(
        text,
        &[
            (
                "'We were not heard': the nurses who shut three hospitals in a week",
                Label::Skip,
            ),
            (
                "Picket lines formed before dawn at St James's and stayed until the evening shift began",
                Label::Factual,
            ),
        ],
    );
    labelled(
        &["LONDON (Reuters) - Britain's biggest airport cancelled 300 flights on Monday."],
        Label::Factual,
    );
    // The writer's blurb and a contributor's credit close the text, share lines below
    // them or not; the same shape inside the text is a sentence.
    let closing = "Crews were called at 2:40 a.m.\n\nTwo people were hurt.\n\n\
                   The cause is under investigation.\n\nThe road reopened at noon.\n\n\
                   Dana Hill covers public safety for the Courier.\n\n\
                   Amir Sole in Boston contributed reporting to this story.\n\n\
                   Share this story: Facebook | X | Email\n";
    labelled_in(
        closing,
        &[
            (
                "Dana Hill covers public safety for the Courier.",
                Label::Skip,
            ),
            (
                "Amir Sole in Boston contributed reporting to this story.",
                Label::Skip,
            ),
            ("The road reopened at noon.", Label::Factual),
        ],
    );
    let inside = "Dana Hill covers public safety for the Courier.\n\nShe joined in 2019.\n\n\
                  Her beat includes three counties.\n\nShe lives in Dayton.\n\n\
                  The paper won two awards last year for that coverage and more.\n";
    labelled_in(
        inside,
        &[(
            "Dana Hill covers public safety for the Courier.",
            Label::Factual,
        )],
    );
    // A headline cited in brackets names a piece; the sentence is the author's verdict.
    labelled(
        &["Your editorial (“Bike lanes to nowhere,” Nov. 5) is a mistake."],
        Label::Opinion,
    );
}

/// A sentence opening on an imperative and its object is a call to action: opinion, as
/// the guidelines say; the noun of the same spelling states a fact.
#[test]
fn calls_to_action_are_opinion() {
    labelled(
        &[
            "Call your representatives before the vote on Tuesday.",
            "Don't wait for permission to lead.",
            "Knock on a door this winter.",
        ],
        Label::Opinion,
    );
    labelled(&["Call volumes rose 12 percent in March."], Label::Factual);
}

/// A reporting verb's spelling as a noun reports nothing: after a word that only modifies
/// nouns (`the first state`, `public comment`), after a determiner and an `-ing` word
/// (`the rezoning question`), or capitalised inside the sentence (`the United States`).
#[test]
fn reporting_verbs_spelled_as_nouns_report_nothing() {
    labelled(
        &[
            "In 2022, Oregon became the first state to ban the practice.",
            "Nineteen speakers addressed the board during public comment.",
            "The council will take up the rezoning question on March 4.",
            "She came to the United States in 1991 to study engineering.",
        ],
        Label::Factual,
    );
    labelled(
        &["The company said the plant would close in March."],
        Label::Quote,
    );
}

/// A parliament's record labels a minister's turn with the office and the name in
/// brackets: the turn is the minister's words; the room's interjection (`Hon. Members:
/// Hear, hear!`) is a note of the record, and a title's two parts around a colon are no
/// turn.
#[test]
fn an_office_label_opens_a_ministers_turn() {
    let text = "Dental Access: Rural Areas\n\n\
                Dr Alan Pryce (Wenlock Vale) (Con): What is the Government doing for rural patients?\n\n\
                The Minister of State, Department of Health and Social Care (Rachel Hurst): We have \
                committed to 700,000 more appointments this year.\n\n\
                Hon. Members: Hear, hear!\n\n\
                Dr Alan Pryce: The Minister knows that is not enough.\n";
    labelled_in(
        text,
        &[
            (
                "The Minister of State, Department of Health and Social Care (Rachel Hurst): We have committed to 700,000 more appointments this year.",
                Label::Quote,
            ),
            ("Dental Access: Rural Areas", Label::Skip),
            ("Hon. Members: Hear, hear!", Label::Skip),
            (
                "Dr Alan Pryce: The Minister knows that is not enough.",
                Label::Quote,
            ),
        ],
    );
}

/// Forecasts and expectations of a named profession are attributed, without `that`;
/// `according to` a title before a name is a source; a passive across an adverb, or a
/// `that` ending the sentence, reports nothing; a press release's legal boilerplate is
/// furniture.
#[test]
fn expectations_and_titled_sources_are_quotes() {
    labelled(
        &[
            "Analysts polled by FactSet had expected revenue of $2.01 billion.",
            "County engineers estimate the detour will add 20 minutes to the commute.",
            "The weather service forecast 120 millimetres of rain in the hills.",
            "Most of the cuts will come through retirements, according to district Treasurer Paul Ng.",
        ],
        Label::Quote,
    );
    let v = sources("Who exactly is expected to pay that?");
    assert!(v.is_empty(), "{v:?}");
    labelled(
        &[
            "This release contains forward-looking statements about expected demand, which are subject to risks.",
        ],
        Label::Skip,
    );
}

/// What reports no one's words: a future or hypothetical speech (`will say`, `would
/// tell`), `point` without `out`, a reporting noun after a preposition (`without
/// question`), the reader as subject, and a column's headline quoted after its name.
/// Listeners as subject (`some of you told me`) still are a source.
#[test]
fn anticipated_speech_and_nouns_report_nothing() {
    for s in [
        "Opponents will say that the plan will flood the streets with cars.",
        "The world would tell you that you are already behind.",
        "He points to a faint path that drops toward a sheepfold.",
        "Dialect, without question.",
        "If it does, you've found your culprit.",
        "Rachel Okafor's Feb. 9 column, \"Stop trying to save the mall,\" gets the future wrong.",
    ] {
        let v = sources(s);
        assert!(v.is_empty(), "{s}: {v:?}");
    }
    labelled(
        &[
            "Some of you told me you lost a third of your customers.",
            "The fourth death was confirmed by police in Penacova.",
        ],
        Label::Quote,
    );
}
