//! Suggested labels on sentences written for these tests, and user lexicons (the learned
//! model is tested in `suggest_model.rs`).

use glose::config::Config;
use glose::model::document::Document;
use glose::model::label::Label;
use glose::nlp::analysis::Analyzer;
use glose::nlp::lang::Lang;

fn label(lang: Lang, text: &str) -> Label {
    let a = Analyzer::builtin().span(text, lang, 0, text.len());
    assert!(!a.suggestion.as_ref().unwrap().reasons.is_empty());
    assert!((0.0..=1.0).contains(&a.suggestion.as_ref().unwrap().confidence));
    a.suggestion.as_ref().unwrap().label
}

#[test]
fn fr_labels_follow_the_guideline_precedence() {
    use Label::*;
    let cases = [
        (
            "« Nous n'avons reçu aucune aide », a déploré le maire de la commune.",
            Quote,
        ),
        (
            "Selon la préfecture, quarante personnes ont été évacuées mardi.",
            Quote,
        ),
        (
            "La ministre a reconnu que le calendrier était trop ambitieux.",
            Quote,
        ),
        (
            "Le conseil municipal a voté le budget le 12 mars 2024 à Villeurbanne.",
            Factual,
        ),
        (
            "Le train de 7 h 42 a été supprimé jeudi entre Lyon et Grenoble.",
            Factual,
        ),
        ("Ce projet est un gâchis absolument scandaleux.", Opinion),
        (
            "Mes chers collègues, nous devons protéger nos agriculteurs !",
            Opinion,
        ),
        (
            "Le film est magnifique, porté par une actrice bouleversante.",
            Opinion,
        ),
        ("Qui peut encore croire à ces promesses ?", Opinion),
        (
            "Sa politique de « rigueur » n'a convaincu personne.",
            Opinion,
        ),
    ];
    for (s, want) in cases {
        assert_eq!(label(Lang::Fr, s), want, "{s}");
    }
}

#[test]
fn en_labels_follow_the_guideline_precedence() {
    use Label::*;
    let cases = [
        (
            "\"We will not back down,\" the mayor said on Tuesday.",
            Quote,
        ),
        ("According to the police, three people were injured.", Quote),
        (
            "The council approved the budget on 12 March 2024 in Leeds.",
            Factual,
        ),
        (
            "This is a shameful failure, and the government must act.",
            Opinion,
        ),
        (
            "The acting is superb and the plot utterly gripping.",
            Opinion,
        ),
    ];
    for (s, want) in cases {
        assert_eq!(label(Lang::En, s), want, "{s}");
    }
}

/// Label of the unit `unit` inside `text`.
fn label_in(text: &str, unit: &str) -> Label {
    let s = text.find(unit).unwrap();
    let an = Analyzer::builtin();
    an.span(text, an.lang_of(text), s, s + unit.len())
        .suggestion
        .unwrap()
        .label
}

#[test]
fn skip_by_shape_not_by_article() {
    let text = "Les résultats du second tour\n\nPar Marie Dupont, journaliste\n\nLe maire sortant a été réélu dimanche avec 54 % des voix à Tours.\nNous utilisons des cookies pour mesurer l'audience. Vos choix s'appliquent à ce site.\n";
    assert_eq!(label_in(text, "Les résultats du second tour"), Label::Skip);
    assert_eq!(label_in(text, "Par Marie Dupont, journaliste"), Label::Skip);
    assert_eq!(
        label_in(
            text,
            "Le maire sortant a été réélu dimanche avec 54 % des voix à Tours."
        ),
        Label::Factual
    );
    // The second banner sentence has no banner word: its line does.
    assert_eq!(
        label_in(text, "Vos choix s'appliquent à ce site."),
        Label::Skip
    );
    let an = Analyzer::builtin();
    let s = text.find("Les résultats").unwrap();
    assert!(
        an.span(text, Lang::Fr, s, s + 28).spans.is_empty(),
        "skip units carry no highlights"
    );
}

#[test]
fn list_lines_after_an_attributed_colon_take_its_voice() {
    let text = "Le rapport de la commission énumère plusieurs manquements :\nl'absence de contrôle des dépenses engagées par les services de la ville depuis des années.\nl'eau,\n";
    assert_eq!(
        label_in(
            text,
            "Le rapport de la commission énumère plusieurs manquements :"
        ),
        Label::Quote
    );
    assert_eq!(
        label_in(
            text,
            "l'absence de contrôle des dépenses engagées par les services de la ville depuis des années."
        ),
        Label::Quote
    );
    assert_eq!(label_in(text, "l'eau,"), Label::Skip);
}

#[test]
fn user_lexicon_from_the_corpus_root_adds_cues_and_bad_files_are_named() {
    let cfg = tempfile::tempdir().unwrap();
    let load = |root: &std::path::Path, c: &Config| {
        Analyzer::with_lexicons(Some(cfg.path()), Some(root), c)
    };
    let corpus = tempfile::tempdir().unwrap();
    let s = "Le nouveau plan de circulation est ubuesque.";
    let before = load(corpus.path(), &Config::default()).unwrap();
    assert!(
        !before
            .span(s, Lang::Fr, 0, s.len())
            .spans
            .iter()
            .any(|x| x.rule == "evaluative")
    );
    std::fs::write(
        corpus.path().join("glose-lexicon.fr.ron"),
        "(evaluative: [\"ubuesque\"])",
    )
    .unwrap();
    let after = load(corpus.path(), &Config::default()).unwrap();
    let a = after.span(s, Lang::Fr, 0, s.len());
    assert!(
        a.spans.iter().any(|x| x.rule == "evaluative"),
        "{:?}",
        a.spans
    );
    assert_eq!(a.suggestion.as_ref().unwrap().label, Label::Opinion);
    std::fs::write(
        corpus.path().join("glose-lexicon.fr.ron"),
        "(\n  evaluative: [\"a\"],\n  evaluatives: [],\n)",
    )
    .unwrap();
    let e = load(corpus.path(), &Config::default()).unwrap_err();
    assert!(e.to_string().contains("glose-lexicon.fr.ron:3:"), "{e}");
    let forced = Config {
        language: Some("en".into()),
        ..Config::default()
    };
    std::fs::remove_file(corpus.path().join("glose-lexicon.fr.ron")).unwrap();
    // The user's folder extends too, and the config can force the language.
    std::fs::write(cfg.path().join("lexicon.en.ron"), "(evaluative: [\"meh\"])").unwrap();
    let an = load(corpus.path(), &forced).unwrap();
    let m = "The plan is meh.";
    assert!(
        an.span(m, Lang::En, 0, m.len())
            .spans
            .iter()
            .any(|x| x.rule == "evaluative")
    );
    assert_eq!(
        an.lang_of("Le chat est sur la table et le chien dort."),
        Lang::En
    );
}

#[test]
fn least_confident_unlabeled_sentence_across_articles() {
    let a = "Le conseil a voté le budget le 12 mars 2024 à Tours.\n\n« Nous avons tout perdu dans l'incendie », a raconté un voisin.\n";
    let b = "Le film est superbe et vraiment bouleversant !\n\nLa mise en scène sert un scénario habile.\n";
    let docs: Vec<Document> = [a, b]
        .iter()
        .enumerate()
        .map(|(k, t)| {
            Document::from_bytes(
                t.as_bytes().to_vec(),
                std::path::Path::new("x.txt"),
                &format!("{k}.txt"),
            )
            .unwrap()
        })
        .collect();
    let an = Analyzer::builtin();
    let conf = |d: usize, i: usize| {
        an.sentence(&docs[d], an.lang(&docs[d]), i)
            .suggestion
            .unwrap()
            .confidence
    };
    let (d, i, c) = an.least_confident(&docs, |_, _| false).unwrap();
    for (dd, doc) in docs.iter().enumerate() {
        for ii in 0..doc.sentences.len() {
            assert!(c <= conf(dd, ii));
        }
    }
    assert_eq!(c, conf(d, i));
    // Once labeled, it is skipped.
    let (d2, i2, _) = an.least_confident(&docs, |x, y| (x, y) == (d, i)).unwrap();
    assert_ne!((d2, i2), (d, i));
    assert!(an.least_confident(&docs, |_, _| true).is_none());
}

/// Short verbless headings and datelines with a full stop are skip; a long line of prose
/// typed without its final punctuation is a sentence (French and English cases).
#[test]
fn short_headings_are_skip_and_unpunctuated_prose_is_not() {
    let cases = [
        (
            "Météo.\nLe ciel restera couvert sur toute la région jusqu'à jeudi.\n\nVIERZON. Le marché couvert rouvre ses portes lundi.\n\n",
            ["Météo.", "VIERZON."],
            "Accueil chaleureux, plats copieux et une terrasse qui donne sur la rivière, nous y retournerons sans hésiter",
        ),
        (
            "Weather.\nSkies will stay grey across the region until Thursday.\n\nLEEDS. The covered market reopens on Monday.\n\n",
            ["Weather.", "LEEDS."],
            "Friendly staff, generous plates and a terrace that looks over the river, we will certainly be back",
        ),
    ];
    for (head, skips, prose) in cases {
        let text = format!("{head}{prose}\n");
        for unit in skips {
            assert_eq!(label_in(&text, unit), Label::Skip, "{unit}");
        }
        assert_ne!(label_in(&text, prose), Label::Skip, "{prose}");
    }
    // A short sentence with a pronoun stays a sentence.
    let short = "Il pleut.\nNous arrivons.\n";
    assert_ne!(label_in(short, "Il pleut."), Label::Skip);
    assert_ne!(label_in(short, "Nous arrivons."), Label::Skip);
}

/// The first line of a text, without a full stop and alone in its paragraph, is the
/// headline, even with a verb and a figure; a file of one unpunctuated review per line
/// (no blank line after the first) keeps its first review a sentence.
#[test]
fn a_first_line_alone_without_a_full_stop_is_the_headline() {
    for text in [
        "Les Fromageries du Jura investissent 18 millions d'euros à Poligny\n\n\
         Le groupe agrandit son site de Poligny. Les travaux commencent en mars.\n",
        "Dockworkers strike shuts ports from Maine to Texas\n\n\
         Dockworkers walked off the job on Tuesday at 36 ports.\n",
    ] {
        let head = text.split('\n').next().unwrap_or("");
        assert_eq!(label_in(text, head), Label::Skip, "{head}");
    }
    let reviews = "Accueil chaleureux, plats copieux et une terrasse qui donne sur la rivière, \
                   nous y retournerons sans hésiter\n\
                   Service un peu lent le samedi soir mais une cuisine soignée et des prix \
                   raisonnables pour le quartier\n";
    let first = reviews.split('\n').next().unwrap_or("");
    assert_ne!(label_in(reviews, first), Label::Skip, "{first}");
}

/// A page's notes about itself and a newsletter's footer are banners, in both languages:
/// the letters policy, a medical disclaimer, a speech's "check against delivery", the
/// way out of a mailing list; the same words in a sentence about something else are not.
#[test]
fn policy_notes_and_mailing_footers_are_banners() {
    for (lang, s) in [
        (Lang::En, "Letters may be edited for length and clarity."),
        (
            Lang::En,
            "Letters should be no longer than 300 words and include a daytime phone number.",
        ),
        (
            Lang::En,
            "This page is general information and no substitute for medical advice.",
        ),
        (
            Lang::En,
            "You are receiving this email because you signed up at a branch library.",
        ),
        (
            Lang::En,
            "The following is a transcript of the mayor's remarks on Friday.",
        ),
        (
            Lang::Fr,
            "Transcription de l'émission diffusée le 3 mai sur Radio Vallée.",
        ),
        (
            Lang::En,
            "You received this email because you subscribed to the Riverside Weekly.",
        ),
        (Lang::Fr, "Seul le prononcé fait foi."),
        (
            Lang::Fr,
            "Pour ne plus recevoir nos actualités, vous pouvez vous désinscrire à tout moment.",
        ),
    ] {
        assert_eq!(label(lang, s), Label::Skip, "{s}");
    }
    for (lang, s) in [
        (
            Lang::En,
            "The council voted to close the sorting office where the letters are processed.",
        ),
        (
            Lang::Fr,
            "Le tribunal a prononcé la relaxe des deux prévenus mardi.",
        ),
    ] {
        assert_eq!(label(lang, s), Label::Factual, "{s}");
    }
}
