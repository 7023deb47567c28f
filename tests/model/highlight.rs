//! Highlight rules on sentences written for these tests (news, reviews, parliamentary
//! speech), in French and English.

use glose::nlp::analysis::Analyzer;
use glose::nlp::highlight::{Kind, Span};
use glose::nlp::lang::Lang;

fn spans(lang: Lang, text: &str) -> Vec<Span> {
    Analyzer::builtin().span(text, lang, 0, text.len()).spans
}

/// `(kind, rule, text)` of each span.
fn show(lang: Lang, text: &str) -> Vec<(Kind, &'static str, String)> {
    spans(lang, text)
        .into_iter()
        .map(|s| (s.kind, s.rule, text[s.start..s.end].to_string()))
        .collect()
}

fn has(v: &[(Kind, &'static str, String)], kind: Kind, rule: &str, text: &str) -> bool {
    v.iter()
        .any(|(k, r, t)| *k == kind && *r == rule && t == text)
}

#[test]
fn fr_quotation_with_inverted_attribution() {
    let s = "« Nous n'avons reçu aucune aide depuis trois semaines », a déploré le maire de la commune.";
    let v = show(Lang::Fr, s);
    assert!(
        has(
            &v,
            Kind::Source,
            "quotation",
            "« Nous n'avons reçu aucune aide depuis trois semaines »"
        ),
        "{v:?}"
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "inverted-attribution",
            "a déploré le maire de la commune"
        ),
        "{v:?}"
    );
    // Words inside the quotation belong to the source: no cue, no claim there.
    assert!(v.iter().all(|(k, _, _)| *k == Kind::Source), "{v:?}");
}

#[test]
fn fr_inverted_pronoun_and_selon() {
    let v = show(
        Lang::Fr,
        "« C'est une honte absolue pour notre région », dit-elle.",
    );
    assert!(
        has(&v, Kind::Source, "inverted-pronoun", "dit-elle"),
        "{v:?}"
    );
    let v = show(
        Lang::Fr,
        "Selon la préfecture du Rhône, quarante personnes ont été évacuées mardi.",
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "according-to",
            "Selon la préfecture du Rhône"
        ),
        "{v:?}"
    );
    assert!(
        has(&v, Kind::Claim, "figure", "quarante personnes"),
        "{v:?}"
    );
    let v = show(
        Lang::Fr,
        "D'après plusieurs témoins, l'incendie a démarré dans la cuisine.",
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "according-to",
            "D'après plusieurs témoins"
        ),
        "{v:?}"
    );
}

#[test]
fn fr_reporting_verb_with_its_subject() {
    let v = show(
        Lang::Fr,
        "Le ministre de l'Intérieur a affirmé que la réforme serait appliquée.",
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "attribution",
            "Le ministre de l'Intérieur a affirmé"
        ),
        "{v:?}"
    );
    let v = show(
        Lang::Fr,
        "Lors du conseil, la direction a annoncé la fermeture de l'usine.",
    );
    assert!(
        has(&v, Kind::Source, "attribution", "la direction a annoncé"),
        "{v:?}"
    );
    // First person: the author's own voice is not an attribution.
    let v = show(Lang::Fr, "Nous affirmons que cette loi est injuste.");
    assert!(v.iter().all(|(k, _, _)| *k != Kind::Source), "{v:?}");
    // Negated: reporting that nothing was said is not a quote.
    let v = show(Lang::Fr, "La mairie n'a pas confirmé la date.");
    assert!(v.iter().all(|(k, _, _)| *k != Kind::Source), "{v:?}");
}

#[test]
fn short_quoted_words_are_scare_quotes_and_names_get_nothing() {
    let v = show(
        Lang::Fr,
        "Sa politique de « rigueur » n'a convaincu personne.",
    );
    assert!(has(&v, Kind::Source, "scare-quote", "« rigueur »"), "{v:?}");
    let v = show(Lang::Fr, "Les chars « Leclerc » ont défilé sur l'avenue.");
    assert!(v.iter().all(|(k, _, _)| *k != Kind::Source), "{v:?}");
    let v = show(Lang::En, "His so-called \"reform\" changed nothing.");
    assert!(has(&v, Kind::Source, "scare-quote", "\"reform\""), "{v:?}");
}

/// A few quoted words that a finite reporting verb of their clause introduces are the
/// source's words; after a participle, an infinitive or the author's own verb they stay
/// scare quotes.
#[test]
fn a_reporting_verb_makes_a_few_quoted_words_a_quotation() {
    for (lang, s, q) in [
        (
            Lang::Fr,
            "Le syndicat a qualifié le projet de « recul historique ».",
            "« recul historique »",
        ),
        (
            Lang::Fr,
            "Le préfet dénonce une « provocation ».",
            "« provocation »",
        ),
        (
            Lang::En,
            "The mayor called the proposal \"reckless and cruel.\"",
            "\"reckless and cruel.\"",
        ),
        (
            Lang::En,
            "Critics have described the deal as a \"giveaway.\"",
            "\"giveaway.\"",
        ),
    ] {
        let v = show(lang, s);
        assert!(has(&v, Kind::Source, "quotation", q), "{s}: {v:?}");
    }
    for (lang, s, q) in [
        (
            Lang::Fr,
            "Dans ce quartier longtemps considéré comme « calme », les vols ont doublé.",
            "« calme »",
        ),
        (
            Lang::Fr,
            "Après avoir promis la « rupture », le parti gouverne comme avant.",
            "« rupture »",
        ),
        (
            Lang::En,
            "I called it a \"fiasco\" then and I still do.",
            "\"fiasco\"",
        ),
        (
            Lang::En,
            "Its so-called \"reform\" was announced in May.",
            "\"reform\"",
        ),
    ] {
        let v = show(lang, s);
        assert!(has(&v, Kind::Source, "scare-quote", q), "{s}: {v:?}");
        // A quotation closed bare is a noun phrase, not one its source follows.
        let inverted = v.iter().any(|(_, r, _)| *r == "inverted-attribution");
        assert!(!inverted, "{s}: {v:?}");
    }
}

#[test]
fn quotation_continued_from_the_previous_sentence() {
    let text = "« La ville a changé. Personne ne la reconnaît », raconte une habitante.";
    let second = text.find("Personne").unwrap();
    let a = Analyzer::builtin().span(text, Lang::Fr, second, text.len());
    let q = a
        .spans
        .iter()
        .find(|s| s.rule == "quotation")
        .expect("continued quotation");
    assert_eq!(&text[q.start..q.end], "Personne ne la reconnaît »");
}

#[test]
fn fr_claims_dates_figures_places() {
    let v = show(
        Lang::Fr,
        "Le conseil municipal a voté le budget le 12 mars 2024 à Villeurbanne.",
    );
    assert!(has(&v, Kind::Claim, "date", "le 12 mars 2024"), "{v:?}");
    assert!(has(&v, Kind::Claim, "place", "à Villeurbanne"), "{v:?}");
    let v = show(
        Lang::Fr,
        "Les travaux coûteront au moins 15 000 euros par an.",
    );
    assert!(
        has(&v, Kind::Claim, "figure", "au moins 15 000 euros"),
        "{v:?}"
    );
    let v = show(Lang::Fr, "Le chômage a baissé de 3,5 % en 2023.");
    assert!(has(&v, Kind::Claim, "figure", "3,5 %"), "{v:?}");
    assert!(has(&v, Kind::Claim, "date", "en 2023"), "{v:?}");
}

#[test]
fn fr_cues_in_reviews_and_speeches() {
    let v = show(
        Lang::Fr,
        "Le film est magnifique, porté par une actrice bouleversante.",
    );
    assert!(has(&v, Kind::Cue, "evaluative", "magnifique"), "{v:?}");
    assert!(has(&v, Kind::Cue, "evaluative", "bouleversante"), "{v:?}");
    let v = show(
        Lang::Fr,
        "Mes chers collègues, il faut protéger nos agriculteurs !",
    );
    assert!(has(&v, Kind::Cue, "deontic", "il faut"), "{v:?}");
    assert!(v.iter().any(|(_, r, _)| *r == "exclamation"), "{v:?}");
    let v = show(Lang::Fr, "Le gouvernement semble avoir perdu le contrôle.");
    assert!(has(&v, Kind::Cue, "hedge", "semble"), "{v:?}");
    let v = show(Lang::Fr, "Le suspect aurait pris la fuite vers l'Espagne.");
    assert!(has(&v, Kind::Cue, "conditional", "aurait"), "{v:?}");
    let v = show(Lang::Fr, "Qui peut encore croire à ces promesses ?");
    assert!(v.iter().any(|(_, r, _)| *r == "question"), "{v:?}");
    // `portrait` ends like a conditional but is a noun.
    let v = show(Lang::Fr, "Le portrait du maire orne la salle.");
    assert!(v.iter().all(|(_, r, _)| *r != "conditional"), "{v:?}");
}

#[test]
fn en_sources_claims_and_cues() {
    let v = show(
        Lang::En,
        "\"We will not back down from this fight,\" the mayor said on Tuesday.",
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "quotation",
            "\"We will not back down from this fight,\""
        ),
        "{v:?}"
    );
    assert!(
        v.iter()
            .any(|(k, r, t)| *k == Kind::Source && *r == "attribution" && t.contains("mayor said")),
        "{v:?}"
    );
    let v = show(
        Lang::En,
        "According to the police, three people were injured.",
    );
    assert!(
        has(&v, Kind::Source, "according-to", "According to the police"),
        "{v:?}"
    );
    assert!(has(&v, Kind::Claim, "figure", "three people"), "{v:?}");
    let v = show(
        Lang::En,
        "The council approved the budget on 12 March 2024 in Leeds.",
    );
    assert!(has(&v, Kind::Claim, "date", "on 12 March 2024"), "{v:?}");
    assert!(has(&v, Kind::Claim, "place", "in Leeds"), "{v:?}");
    let v = show(
        Lang::En,
        "This is a shameful failure, and the government must act.",
    );
    assert!(has(&v, Kind::Cue, "evaluative", "shameful"), "{v:?}");
    // English `must` prescribes: the strong form of the deontic cue.
    assert!(has(&v, Kind::Cue, "prescription", "must"), "{v:?}");
    let v = show(
        Lang::En,
        "Officials said that the bridge would reopen in May.",
    );
    assert!(
        has(&v, Kind::Source, "attribution", "Officials said"),
        "{v:?}"
    );
}

#[test]
fn spans_are_inside_the_sentence_and_on_char_boundaries() {
    let text = "Intro. L’armée a confirmé l’attaque du 3 août, « très violente et soudaine » selon elle. Fin.";
    let s = text.find('L').unwrap();
    let e = text.find(" Fin").unwrap();
    for sp in Analyzer::builtin().span(text, Lang::Fr, s, e).spans {
        assert!(s <= sp.start && sp.start < sp.end && sp.end <= e, "{sp:?}");
        assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
    }
}

mod random {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Any text, any unit on char boundaries: no panic, spans inside the unit.
        #[test]
        fn never_panics_and_stays_inside(
            text in "[a-zA-Zéà0-9 ,.:;!?«»“”\"'’()\\n-]{0,300}",
            a in 0usize..300,
            b in 0usize..300,
        ) {
            let (mut s, mut e) = (a.min(b).min(text.len()), a.max(b).min(text.len()));
            while !text.is_char_boundary(s) { s -= 1; }
            while !text.is_char_boundary(e) { e -= 1; }
            let an = Analyzer::builtin();
            for lang in [Lang::Fr, Lang::En] {
                let r = an.span(&text, lang, s, e);
                for sp in &r.spans {
                    prop_assert!(s <= sp.start && sp.start < sp.end && sp.end <= e, "{:?}", sp);
                    prop_assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
                }
                prop_assert!((0.0..=1.0).contains(&r.suggestion.as_ref().unwrap().confidence));
            }
        }
    }
}

/// An event clause cut by its word limit ends on a content word, never on an elided
/// article or a preposition.
#[test]
fn an_event_clause_cut_short_ends_on_a_content_word() {
    let v = show(
        Lang::Fr,
        "Des combattants ont lancé des attaques coordonnées contre des positions de l’armée malienne à Farabougou.",
    );
    assert!(
        has(
            &v,
            Kind::Claim,
            "event",
            "Des combattants ont lancé des attaques coordonnées contre des positions de l’armée"
        ),
        "{v:?}"
    );
    let v = show(
        Lang::En,
        "The rebels have launched coordinated attacks against several army posts of the of the region.",
    );
    let ev: Vec<_> = v.iter().filter(|(_, r, _)| *r == "event").collect();
    assert_eq!(ev.len(), 1, "{v:?}");
    for w in [" of", " the"] {
        assert!(!ev[0].2.ends_with(w), "{v:?}");
    }
}

#[test]
fn event_clauses_are_claims_without_deciding_the_label() {
    let v = show(
        Lang::Fr,
        "Le pont a été emporté par la crue, et les riverains ont fui vers les hauteurs.",
    );
    assert!(
        has(
            &v,
            Kind::Claim,
            "event",
            "Le pont a été emporté par la crue"
        ),
        "{v:?}"
    );
    assert!(
        has(
            &v,
            Kind::Claim,
            "event",
            "les riverains ont fui vers les hauteurs"
        ),
        "{v:?}"
    );
    let v = show(Lang::En, "The council has approved the budget.");
    assert!(
        has(
            &v,
            Kind::Claim,
            "event",
            "The council has approved the budget"
        ),
        "{v:?}"
    );
    let v = show(
        Lang::En,
        "The minister said that the roads would reopen soon.",
    );
    assert!(v.iter().all(|(_, r, _)| *r != "event"), "{v:?}");
    // A pronoun subject, or an auxiliary without a participle, is no event.
    let v = show(Lang::Fr, "Il a dit oui. La salle est grande.");
    assert!(v.iter().all(|(_, r, _)| *r != "event"), "{v:?}");
}

#[test]
fn listed_places_and_date_ranges_are_one_claim() {
    let v = show(
        Lang::Fr,
        "Des inondations ont touché les habitants à Mopti (région du Centre) et à Gao entre 2019 et 2021.",
    );
    assert!(
        has(
            &v,
            Kind::Claim,
            "place",
            "à Mopti (région du Centre) et à Gao"
        ),
        "{v:?}"
    );
    assert!(has(&v, Kind::Claim, "date", "entre 2019 et 2021"), "{v:?}");
    let v = show(Lang::Fr, "À partir de 2022, la ligne a fermé.");
    assert!(has(&v, Kind::Claim, "date", "À partir de 2022"), "{v:?}");
}

#[test]
fn ordinals_and_vague_quantities_are_not_figures() {
    for s in [
        "Le Premier ministre a parlé pour la première fois.",
        "Plusieurs témoins étaient présents.",
    ] {
        let v = show(Lang::Fr, s);
        assert!(v.iter().all(|(_, r, _)| *r != "figure"), "{s}: {v:?}");
    }
    let v = show(Lang::Fr, "Plusieurs centaines de personnes ont manifesté.");
    assert!(
        v.iter()
            .any(|(_, r, t)| *r == "figure" && t.contains("centaines")),
        "{v:?}"
    );
}

#[test]
fn en_attribution_at_the_end_and_negation_inside_a_quotation() {
    let v = show(
        Lang::En,
        "The bridge will close for repairs from 3 March to 12 April, the county said.",
    );
    assert!(
        has(&v, Kind::Source, "attribution", "the county said"),
        "{v:?}"
    );
    assert!(
        has(&v, Kind::Claim, "date", "from 3 March to 12 April"),
        "{v:?}"
    );
    let v = show(
        Lang::En,
        "\"We will not back down,\" said the union leader.",
    );
    assert!(
        has(
            &v,
            Kind::Source,
            "inverted-attribution",
            "said the union leader"
        ),
        "{v:?}"
    );
    // The author's own negated verb is still no attribution.
    let v = show(
        Lang::En,
        "The minister did not say when the road would reopen.",
    );
    assert!(v.iter().all(|(k, _, _)| *k != Kind::Source), "{v:?}");
}

#[test]
fn review_vocabulary_and_adverbs_are_cues() {
    let v = show(
        Lang::Fr,
        "Le chef nous offre une cuisine généreuse et inventive, magnifiquement dressée.",
    );
    for w in ["généreuse", "inventive", "magnifiquement"] {
        assert!(has(&v, Kind::Cue, "evaluative", w), "{w}: {v:?}");
    }
    let v = show(Lang::En, "The pasta was overpriced and painfully bland.");
    for w in ["overpriced", "painfully", "bland"] {
        assert!(has(&v, Kind::Cue, "evaluative", w), "{w}: {v:?}");
    }
}

#[test]
fn a_capitalised_month_after_a_preposition_is_a_date_not_a_place() {
    let v = show(Lang::En, "The new library is expected to open in March.");
    assert!(has(&v, Kind::Claim, "date", "in March"), "{v:?}");
    assert!(!v.iter().any(|(_, r, _)| *r == "place"), "{v:?}");
    let v = show(Lang::En, "The talks resumed in Geneva on Monday.");
    assert!(has(&v, Kind::Claim, "place", "in Geneva"), "{v:?}");
}

/// English writes its months with a capital: the modal `may` and the verb `march` are no
/// dates, `in May` and `March 3` are; French months are lower case.
#[test]
fn english_months_are_capitalised() {
    let dates = |lang: Lang, s: &str| {
        show(lang, s)
            .into_iter()
            .filter(|(k, r, _)| *k == Kind::Claim && *r == "date")
            .map(|(_, _, t)| t)
            .collect::<Vec<_>>()
    };
    assert!(dates(Lang::En, "She may well be right about the vote.").is_empty());
    assert!(dates(Lang::En, "Students will march to the town hall at noon.").is_empty());
    assert_eq!(
        dates(Lang::En, "The plant closes in May for repairs."),
        ["in May"]
    );
    assert!(!dates(Lang::Fr, "L'usine ferme le 3 mai.").is_empty());
}
