//! Attribution and quotation classes of the rules on unseen text, each pinned with French
//! and English sentences written for these tests: `selon`/`according to` opening a
//! sentence, verbs of speech with any subject, requests with their addressee, `comme l'a
//! rappelé X`/`as X put it`, nouns spelt like reporting verbs, titles and initials.

use glose::model::label::Label;
use glose::nlp::analysis::Analyzer;
use glose::nlp::highlight::Kind;
use glose::nlp::lang::Lang;

/// The source spans of a one-sentence text: rule and text.
fn sources(lang: Lang, text: &str) -> Vec<(&'static str, String)> {
    Analyzer::builtin()
        .span(text, lang, 0, text.len())
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Source)
        .map(|s| (s.rule, text[s.start..s.end].to_string()))
        .collect()
}

fn label(lang: Lang, text: &str) -> Label {
    let a = Analyzer::builtin().span(text, lang, 0, text.len());
    a.suggestion.map_or(Label::Skip, |s| s.label)
}

/// Each sentence has exactly these source spans (rule, text).
fn spans_are(lang: Lang, cases: &[(&str, &[(&str, &str)])]) {
    for (s, want) in cases {
        let got = sources(lang, s);
        let want: Vec<(&str, String)> = want.iter().map(|(r, t)| (*r, t.to_string())).collect();
        assert_eq!(got, want, "{s}");
    }
}

/// `Selon X,` / `According to X,` opening a sentence attributes whatever the noun; inside
/// a sentence it still needs a source, and a quantifier before the noun is skipped.
#[test]
fn according_to_at_the_head_of_a_sentence() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Selon la tradition, le pont fut bâti en une seule nuit.",
                &[("according-to", "Selon la tradition")],
            ),
            (
                "D'après les organisateurs, trois mille coureurs ont pris le départ.",
                &[("according-to", "D'après les organisateurs")],
            ),
            (
                "Selon certains voisins, la maison était vide depuis l'hiver.",
                &[("according-to", "Selon certains voisins")],
            ),
            (
                "Les tarifs varient selon les saisons et la durée du séjour.",
                &[],
            ),
            ("Il est reparti en fin d'après-midi vers Lyon.", &[]),
        ],
    );
    spans_are(
        Lang::En,
        &[
            (
                "According to organisers, three thousand runners took part.",
                &[("according-to", "According to organisers")],
            ),
            (
                "According to some neighbours, the house had been empty since winter.",
                &[("according-to", "According to some neighbours")],
            ),
            ("Prices vary according to the season.", &[]),
        ],
    );
}

/// `dire`/`déclarer`/`say`/`tell` attribute whatever the subject noun (`the coach said`),
/// and `que`/`that` may follow a complement (`wrote in a statement that`); a conjunction
/// (`pour que`, `so that`) is no speech frame, nor a noun spelt like a verb (`une alerte`,
/// `the report`) a verb.
#[test]
fn verbs_of_speech_attribute_with_any_subject() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Le boulanger a déclaré que la boutique rouvrirait lundi.",
                &[("attribution", "Le boulanger a déclaré")],
            ),
            (
                "Le capitaine a écrit dans une lettre que l'équipage était épuisé.",
                &[("attribution", "Le capitaine a écrit")],
            ),
            ("La mairie a lancé une alerte aux orages pour la nuit.", &[]),
            ("Sa venue annoncée a rempli la salle.", &[]),
        ],
    );
    spans_are(
        Lang::En,
        &[
            (
                "Speaking after the match, the coach said the team was exhausted.",
                &[("attribution", "the coach said")],
            ),
            (
                "The lifeguard told reporters that the beach would stay closed.",
                &[("attribution", "The lifeguard told")],
            ),
            (
                "The governor wrote in a statement that the curfew was lifted.",
                &[("attribution", "The governor wrote")],
            ),
            ("The report was printed on recycled paper.", &[]),
            (
                "The teacher explained the rules so that everyone could play.",
                &[],
            ),
        ],
    );
}

/// A request with its addressee and an infinitive is reported speech; the same verbs
/// naming an action, or another verb before `de` + infinitive, are not.
#[test]
fn requests_with_an_addressee_are_reported_speech() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Le préfet a demandé aux maires de fermer les écoles.",
                &[("attribution", "Le préfet a demandé")],
            ),
            (
                "La mairie invite les riverains à déplacer leurs voitures.",
                &[("attribution", "La mairie invite")],
            ),
            (
                "La mairie invite les riverains à une réunion jeudi soir.",
                &[],
            ),
            ("Le club poursuit son projet de construire un stade.", &[]),
        ],
    );
    spans_are(
        Lang::En,
        &[
            (
                "The council asked residents to boil their water.",
                &[("attribution", "The council asked")],
            ),
            ("The club invited its members to a dinner in May.", &[]),
            ("The minister responded to the criticism on Monday.", &[]),
        ],
    );
}

/// `Comme l'a rappelé le maire,` and `As the mayor put it,` attribute what follows.
#[test]
fn as_the_source_put_it() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Comme l'a rappelé la directrice, l'école manque de places.",
                &[("as-source-said", "Comme l'a rappelé la directrice")],
            ),
            ("Comme prévu, le train est arrivé à midi.", &[]),
        ],
    );
    spans_are(
        Lang::En,
        &[
            (
                "As the headteacher put it, the school is running out of room.",
                &[("as-source-said", "As the headteacher put it")],
            ),
            ("As expected, the train arrived at noon.", &[]),
        ],
    );
    assert_eq!(
        label(
            Lang::En,
            "As the headteacher put it, the school is running out of room."
        ),
        Label::Quote
    );
}

/// A quotation's inverted clause may have words between the verb and its source, and a
/// title's full stop or an initial does not cut the subject off (`M. Dupont a déclaré`).
#[test]
fn inverted_clauses_and_initials_keep_their_source() {
    spans_are(
        Lang::Fr,
        &[
            (
                "M. Lambert a déclaré que la piscine fermerait en août.",
                &[("attribution", "M. Lambert a déclaré")],
            ),
            (
                "J. Roux a indiqué que les travaux dureraient un an.",
                &[("attribution", "J. Roux a indiqué")],
            ),
        ],
    );
    let v = sources(
        Lang::Fr,
        "« Nous rouvrirons la ligne dès que possible », a assuré jeudi sur France Bleu la directrice régionale.",
    );
    assert!(
        v.contains(&(
            "inverted-attribution",
            "a assuré jeudi sur France Bleu la directrice régionale".to_string()
        )),
        "{v:?}"
    );
    spans_are(
        Lang::En,
        &[(
            "Dr. Patel said the clinic would open in June.",
            &[("attribution", "Dr. Patel said")],
        )],
    );
}

/// An inverted clause may close on its speaker's name in apposition; local news cites its
/// services and the documents it read (`selon le service départemental d'incendie`,
/// `selon la convention signée`).
#[test]
fn apposed_names_services_and_documents_are_sources() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Les travaux dureront huit mois, a précisé l'adjoint aux bâtiments, Hervé Lucas.",
                &[(
                    "inverted-attribution",
                    "a précisé l'adjoint aux bâtiments, Hervé Lucas",
                )],
            ),
            (
                "Le feu a été maîtrisé vers 4h30, selon le service départemental d'incendie.",
                &[("according-to", "selon le service départemental d'incendie")],
            ),
            (
                "Les clubs iront au gymnase, selon la convention signée avec la commune.",
                &[("according-to", "selon la convention signée avec la commune")],
            ),
        ],
    );
}

/// `faire savoir` reports as `indiquer` does, inverted or with its clause; a body named
/// after its article follows `selon`, but `selon les …` is what something depends on;
/// records and data show what they hold.
#[test]
fn faire_savoir_bodies_after_selon_and_what_records_show() {
    for s in [
        "Les écoles resteront fermées jeudi, a fait savoir le rectorat de Clermont-Ferrand.",
        "Le parquet de Tours a fait savoir qu'ils seraient présentés à un juge lundi.",
        "Trois arrêts provisoires seront installés rue de Lyon, selon le Grand Chalon.",
    ] {
        assert_eq!(label(Lang::Fr, s), Label::Quote, "{s}");
    }
    for s in [
        "Les tarifs varient selon les Communes et selon la saison.",
        "Il veut savoir qui a fait ce choix en 2019.",
    ] {
        assert_ne!(label(Lang::Fr, s), Label::Quote, "{s}");
    }
    for s in [
        "He is being held at the county jail on $25,000 bail, court records show.",
        "The city's own counts show that cycling has doubled since 2023.",
    ] {
        assert_eq!(label(Lang::En, s), Label::Quote, "{s}");
    }
    assert_ne!(
        label(Lang::En, "Residents should show up at the hall on Monday."),
        Label::Quote
    );
}

/// A body's estimate (`évalue les pertes à`, `chiffre le coût à`) and `selon` a
/// document (`selon le bulletin paroissial`) attribute; `selon` a way of counting
/// (`selon le décompte traditionnel`) does not.
#[test]
fn estimates_and_documents_are_sources() {
    for s in [
        "La chambre d'agriculture évalue à ce stade les pertes à 2,4 millions d'euros.",
        "Le chœur rassemblait 200 chanteurs en 1908, selon le bulletin paroissial.",
        "L'observatoire chiffre le coût des inondations à 40 millions d'euros.",
    ] {
        assert_eq!(label(Lang::Fr, s), Label::Quote, "{s}");
    }
    assert_eq!(
        label(
            Lang::Fr,
            "La fête commence à onze heures du soir selon le décompte traditionnel des heures."
        ),
        Label::Factual
    );
}

/// A French passive with `par` reports speech only with a verb of speech and a source as
/// its agent: a service provided (`assuré par`), a document's maker (`écrit par`), a
/// means (`par SMS`) or a negated agent (`par aucune organisation`) is none.
#[test]
fn a_service_provided_or_a_document_written_reports_nothing() {
    for s in [
        "Le service, assuré par une équipe jeune, est d'une efficacité remarquable.",
        "Il faut un constat écrit par le deuxième garage.",
        "Vous êtes prévenu par SMS lorsque votre titre est disponible.",
        "L'attaque n'a jamais été revendiquée par aucune organisation.",
        // A negation before a compound tense's auxiliaries denies the report.
        "L'attaque n'a jamais été revendiquée par le groupe.",
    ] {
        let v = sources(Lang::Fr, s);
        assert!(v.is_empty(), "{s}: {v:?}");
    }
    for s in [
        "La fermeture a été annoncée par la direction lundi.",
        // `ne … pas seulement` adds, it denies nothing.
        "Au Conseil, le Mali n'a pas seulement réclamé des ressources au ministre.",
    ] {
        let v = sources(Lang::Fr, s);
        assert!(!v.is_empty(), "{s}: {v:?}");
    }
}

/// A verb that also names an action reports speech before a past infinitive: what the
/// speaker says they did (`a expliqué avoir écrit`, `denied having seen`). Without one it
/// stays an action.
#[test]
fn a_past_infinitive_frames_what_the_speaker_says_they_did() {
    spans_are(
        Lang::Fr,
        &[
            (
                "L'autrice a expliqué avoir écrit ce livre après la mort de son grand-père.",
                &[("attribution", "L'autrice a expliqué")],
            ),
            (
                "Le conducteur a expliqué ne pas avoir vu le feu.",
                &[("attribution", "Le conducteur a expliqué")],
            ),
            ("Le guide a expliqué le fonctionnement de l'écluse.", &[]),
        ],
    );
    spans_are(
        Lang::En,
        &[(
            "The driver explained having seen nothing before the crash.",
            &[("attribution", "The driver explained")],
        )],
    );
}

/// English `according to` names a source anywhere in the sentence, whatever its noun,
/// unless it means conformity (`according to plan`).
#[test]
fn according_to_a_text_anywhere_in_the_sentence() {
    assert_eq!(
        label(
            Lang::En,
            "Her maps were used to plan the repairs, according to a history of the board."
        ),
        Label::Quote
    );
    for s in [
        "The works went ahead according to plan in 2021.",
        "The vote was held according to the rules of the chamber.",
    ] {
        assert_eq!(label(Lang::En, s), Label::Factual, "{s}");
    }
}

/// French inverts a reporting verb and its subject set between commas inside the
/// sentence (`Le chantier, explique le maire, reprendra en mai.`) as at its end; a verb
/// with its object between commas (`raconte une anecdote`) reports nothing.
#[test]
fn an_inverted_clause_inside_the_sentence_attributes_it() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Le chantier, explique le maire, reprendra en mai.",
                &[("inverted-attribution", "explique le maire")],
            ),
            (
                "Les travaux, a précisé la préfecture, dureront deux ans.",
                &[("inverted-attribution", "a précisé la préfecture")],
            ),
            ("Il se lève, raconte une anecdote, puis repart.", &[]),
        ],
    );
}

/// A source's refusal to speak is its answer (`declined to comment`); the verbs' other
/// senses report nothing (`Sales declined to $4 million`, `refused to pay`).
#[test]
fn a_refusal_to_comment_is_the_sources_answer() {
    spans_are(
        Lang::En,
        &[
            (
                "A White House spokesman declined to comment.",
                &[("attribution", "A White House spokesman declined")],
            ),
            ("Sales declined to $4 million in May.", &[]),
            ("She refused to pay the fine.", &[]),
        ],
    );
}

/// French `selon`/`d'après` after a comma, its noun phrase ending the sentence, attribute
/// whatever the noun (`…, selon les premières constatations.`), as at its head; what
/// varies (`selon les cas`, `selon la saison`) and the reader asked (`selon vous ?`) are
/// no source.
#[test]
fn selon_ending_the_sentence_attributes_whatever_the_noun() {
    spans_are(
        Lang::Fr,
        &[
            (
                "Le départ de feu serait dû à un court-circuit, selon les premiers éléments.",
                &[("according-to", "selon les premiers éléments")],
            ),
            (
                "La crue a atteint 4 mètres, d'après les premiers relevés.",
                &[("according-to", "d'après les premiers relevés")],
            ),
            ("Le marché ouvre à 7 h ou à 8 h, selon la saison.", &[]),
            ("La visite dure une ou deux heures, selon les cas.", &[]),
        ],
    );
}

/// An English reporting verb's base form right after a past participle is that verb's
/// object, the noun of the same spelling (`has covered state government`, `issued report
/// cards`); an inflected form there, or a verb that only speaks, still reports.
#[test]
fn a_base_form_after_a_participle_is_its_object() {
    spans_are(
        Lang::En,
        &[
            (
                "Martin Ruelle has covered state government for The Herald since 2011.",
                &[],
            ),
            ("The company issued report cards to every school.", &[]),
            (
                "The officer involved stated that the car had been stolen.",
                &[("attribution", "The officer involved stated")],
            ),
            (
                "The merchants who want the lanes removed say they have lost customers.",
                &[(
                    "attribution",
                    "The merchants who want the lanes removed say",
                )],
            ),
        ],
    );
}

/// French `faire état de` reports as `faire savoir` does (`La préfecture fait état de
/// trois blessés`); `état` elsewhere is a noun (`Le pont est en mauvais état`).
#[test]
fn faire_etat_de_reports() {
    assert_eq!(
        label(Lang::Fr, "La préfecture fait état de trois blessés légers."),
        Label::Quote
    );
    assert_eq!(
        label(Lang::Fr, "Le pont de la Rance a été remis en état en 2019."),
        Label::Factual
    );
}

/// Records and figures show or list what they hold with no `that` (`Port figures show
/// the terminal moved …`, `The rota listed one carer on duty`); a person listing things
/// or figures of speech show nothing reported.
#[test]
fn records_show_their_content_without_that() {
    for s in [
        "Port authority figures show the terminal moved 1.2 million containers last year.",
        "The duty rota listed two nurses for 40 patients on most nights.",
    ] {
        assert_eq!(label(Lang::En, s), Label::Quote, "{s}");
    }
    for s in [
        "The mayor listed the streets on a whiteboard before the meeting.",
        "The photos show the bridge before the flood.",
    ] {
        assert_eq!(label(Lang::En, s), Label::Factual, "{s}");
    }
}
