//! The error classes of the rules on text glose had not seen, each pinned with French and
//! English sentences written for these tests: plain narrative is factual, action verbs are
//! not reporting verbs, straight quotes pair by their spacing, words inside compounds and
//! abbreviations are not cues, frequent words do not vote, short headings are skip, claims
//! cover names and relative dates, and the confidences are the documented priors.

use glose::model::label::Label;
use glose::nlp::analysis::{Analyzer, SentenceAnalysis};
use glose::nlp::highlight::Kind;
use glose::nlp::lang::Lang;

fn analyse(lang: Lang, text: &str) -> SentenceAnalysis {
    Analyzer::builtin().span(text, lang, 0, text.len())
}

/// The rules of the spans of one kind, with their text.
fn rules(lang: Lang, text: &str, kind: Kind) -> Vec<(&'static str, String)> {
    analyse(lang, text)
        .spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| (s.rule, text[s.start..s.end].to_string()))
        .collect()
}

fn check(lang: Lang, cases: &[(&str, Label)]) {
    for (s, want) in cases {
        let a = analyse(lang, s);
        assert_eq!(a.suggestion.label, *want, "{s}: {:?}", a.suggestion.reasons);
    }
}

/// Class 1: opinion needs positive evidence of the author's evaluation; narrative and
/// description with nothing checkable are factual.
#[test]
fn plain_narrative_is_factual_and_opinion_needs_evidence() {
    use Label::*;
    check(
        Lang::Fr,
        &[
            (
                "Les randonneurs ont rejoint le refuge avant la nuit.",
                Factual,
            ),
            ("Elle a ouvert une boulangerie avec son frère.", Factual),
            ("Le suspect a été conduit au poste de police.", Factual),
            ("Le château domine la vallée et ses vignes.", Factual),
            ("Ce spectacle est franchement ridicule.", Opinion),
            ("Mais personne n'est plus dupe de ces annonces.", Opinion),
            ("Le bilan est sans appel : la réforme a échoué.", Opinion),
        ],
    );
    check(
        Lang::En,
        &[
            ("The hikers reached the hut before nightfall.", Factual),
            ("She opened a bakery with her brother.", Factual),
            ("The suspect was taken to the police station.", Factual),
            (
                "The castle overlooks the valley and its vineyards.",
                Factual,
            ),
            ("This show is frankly ridiculous.", Opinion),
            ("But the plan is no longer credible.", Opinion),
            ("The verdict is plain: the reform has failed.", Opinion),
        ],
    );
    // The reason says why a factual suggestion was made without claims.
    let a = analyse(Lang::Fr, "Elle a ouvert une boulangerie avec son frère.");
    assert!(a.suggestion.reasons[0].starts_with("plain statement"));
}

/// Class 4: words inside compounds, abbreviations and initials, imperfects of `-rer`
/// verbs and scheduled passives are not cues (nor `d'après` in `d'après-midi` a source).
#[test]
fn tokens_and_morphology_do_not_make_cues() {
    let none = |lang, s: &str| {
        assert_eq!(rules(lang, s, Kind::Cue), vec![], "{s}");
        assert_eq!(rules(lang, s, Kind::Source), vec![], "{s}");
    };
    none(Lang::Fr, "M. Dupont a rencontré J. Martin à la mairie.");
    none(Lang::Fr, "Il est arrivé en fin d'après-midi à la gare.");
    none(
        Lang::Fr,
        "Elle a visité les Beaux-Arts avec ses petits-enfants.",
    );
    none(
        Lang::Fr,
        "Le coureur entrait dans le stade, il respirait vite.",
    );
    none(Lang::Fr, "Le pont devrait être livré en mai 2026.");
    none(Lang::En, "The best-seller was reprinted in 2019.");
    none(Lang::En, "J. Smith met the mayor in Leeds.");
    none(Lang::En, "The bridge should be completed in May 2026.");
    // The same words alone still count.
    let fr = rules(
        Lang::Fr,
        "Le ministre aurait menti, et il devrait partir.",
        Kind::Cue,
    );
    assert!(
        fr.iter().any(|r| r.0 == "conditional" && r.1 == "aurait"),
        "{fr:?}"
    );
    assert!(fr.iter().any(|r| r.0 == "deontic"), "{fr:?}");
    assert!(glose::nlp::highlight::cue::is_conditional("déclarerait"));
    assert!(glose::nlp::highlight::cue::is_conditional("pourraient"));
    assert!(!glose::nlp::highlight::cue::is_conditional("déclarait"));
    assert!(!glose::nlp::highlight::cue::is_conditional("entraient"));
    let en = rules(
        Lang::En,
        "Officials may resign, and they should.",
        Kind::Cue,
    );
    assert!(en.iter().any(|r| r.0 == "hedge" && r.1 == "may"), "{en:?}");
    let me = rules(Lang::Fr, "J'ai trouvé ce livre trop long.", Kind::Cue);
    assert!(me.iter().any(|r| r.0 == "first-person"), "{me:?}");
}

/// Class 5: very frequent words measured as no better than chance at telling opinion
/// (`petit`, `nouveau`, `aussi`, `même`, `still`, `even`…) do not vote.
#[test]
fn frequent_words_do_not_vote() {
    use Label::*;
    check(
        Lang::Fr,
        &[
            (
                "Le petit village a aussi ouvert une nouvelle école.",
                Factual,
            ),
            ("Les mêmes trains partent encore tous les matins.", Factual),
        ],
    );
    check(
        Lang::En,
        &[
            ("The village still has only one school, even now.", Factual),
            (
                "All the trains already leave from the new station.",
                Factual,
            ),
        ],
    );
}
