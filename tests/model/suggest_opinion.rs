//! Opinion against factual: the evidence of the author's evaluation the rules count, each
//! class pinned with French and English sentences written for these tests.

use glose::model::label::Label;
use glose::nlp::analysis::{Analyzer, SentenceAnalysis};
use glose::nlp::highlight::Kind;
use glose::nlp::lang::Lang;

fn analyse(lang: Lang, text: &str) -> SentenceAnalysis {
    Analyzer::builtin().span(text, lang, 0, text.len())
}

/// The cue rules of a sentence, with their text.
fn cues(lang: Lang, text: &str) -> Vec<(&'static str, String)> {
    analyse(lang, text)
        .spans
        .iter()
        .filter(|s| s.kind == Kind::Cue || s.rule == "scare-quote")
        .map(|s| (s.rule, text[s.start..s.end].to_string()))
        .collect()
}

fn label(lang: Lang, text: &str) -> Label {
    analyse(lang, text).suggestion.unwrap().label
}

/// Each sentence gets the label `want`.
fn labelled(cases: &[(Lang, &str)], want: Label) {
    for &(lang, s) in cases {
        assert_eq!(label(lang, s), want, "{s}: {:?}", cues(lang, s));
    }
}

/// Class 4: a term written with `de`, `que`, `le` matches its elision before a vowel, so
/// `témoigne d'une`, `loin d'être` count as `témoigne de`, `loin de` do.
#[test]
fn terms_match_their_elided_words() {
    let c = cues(Lang::Fr, "Cette hausse témoigne d'une inquiétude nouvelle.");
    assert!(
        c.iter()
            .any(|(r, t)| *r == "interpretive" && t == "témoigne d"),
        "{c:?}"
    );
    let c = cues(
        Lang::Fr,
        "Le plan, loin d'apaiser les esprits, les échauffe.",
    );
    assert!(c.iter().any(|(_, t)| t == "loin d"), "{c:?}");
    // The full form still matches, and a word that only starts like the term does not.
    let c = cues(Lang::Fr, "Cette hausse témoigne de la crise.");
    assert!(c.iter().any(|(r, _)| *r == "interpretive"), "{c:?}");
    let c = cues(Lang::Fr, "Le musée témoigne durement des années de guerre.");
    assert!(!c.iter().any(|(r, _)| *r == "interpretive"), "{c:?}");
    // English has no elision: the same terms match as written.
    let c = cues(Lang::En, "The rise reflects a deeper unease.");
    assert!(c.iter().any(|(r, _)| *r == "interpretive"), "{c:?}");
}

/// Class 4: `devoir` obliges only with an infinitive after it; `doit son nom à` owes.
/// English modals of obligation are always modals (`must`, `should` the strong
/// `prescription`).
#[test]
fn devoir_obliges_only_before_an_infinitive() {
    let deontic = |lang, s: &str| {
        cues(lang, s)
            .iter()
            .any(|(r, _)| *r == "deontic" || *r == "prescription")
    };
    assert!(!deontic(Lang::Fr, "Le village doit son nom à une source."));
    assert!(!deontic(
        Lang::Fr,
        "Elles doivent leur succès aux bénévoles."
    ));
    assert!(deontic(Lang::Fr, "Le maire doit démissionner."));
    assert!(deontic(
        Lang::Fr,
        "Il ne devrait pas se contenter de promesses."
    ));
    assert!(deontic(Lang::Fr, "La loi devra enfin être appliquée."));
    assert!(!deontic(Lang::En, "The village owes its name to a spring."));
    assert!(deontic(Lang::En, "The mayor must resign."));
    assert_eq!(
        label(Lang::Fr, "Le village doit son nom à une source."),
        Label::Factual
    );
    assert_eq!(
        label(Lang::Fr, "Le maire doit démissionner."),
        Label::Opinion
    );
    assert_eq!(label(Lang::En, "The mayor must resign."), Label::Opinion);
}

/// Class 1: figures of decline said of a state or an economy, and the author arguing
/// against a view, are evaluation even with no evaluative adjective.
#[test]
fn figures_of_decline_and_refutation_are_opinion() {
    labelled(
        &[
            (Lang::Fr, "Le pouvoir vacille."),
            (Lang::Fr, "Le système de santé est à bout de souffle."),
            (Lang::Fr, "La réforme, au contraire, a creusé les écarts."),
            (Lang::Fr, "Ce compromis est loin d'être un succès."),
            (Lang::En, "The coalition is teetering."),
            (Lang::En, "The health service is on life support."),
            (Lang::En, "On the contrary, the reform widened the gaps."),
        ],
        Label::Opinion,
    );
    // The literal neighbours stay factual.
    labelled(
        &[
            (Lang::Fr, "Le pont a été fermé pour travaux."),
            (Lang::En, "The bridge was closed for repairs."),
        ],
        Label::Factual,
    );
}

/// Class 5: a word in quotation marks in the author's voice is weak evidence (a term, a
/// name, a translation as often as irony): alone beside a claim it does not make an
/// opinion, with another cue it does.
#[test]
fn a_scare_quote_alone_is_weak_evidence() {
    assert_eq!(
        label(
            Lang::Fr,
            "Les habitants appellent ce plat « la potée » depuis 1850."
        ),
        Label::Factual
    );
    assert_eq!(
        label(
            Lang::En,
            "Locals have called the dish \"the stew\" since 1850."
        ),
        Label::Factual
    );
    assert_eq!(
        label(Lang::Fr, "Sa « réforme » est un échec cuisant."),
        Label::Opinion
    );
    assert_eq!(
        label(Lang::En, "His \"reform\" is a dismal failure."),
        Label::Opinion
    );
}

/// Class 1: judgement by semantic class (quality, hyperbolic magnitude, failings, manner
/// adverbs) and the interpretation of motives are the author's evaluation.
#[test]
fn judgement_and_motives_are_opinion() {
    labelled(
        &[
            (Lang::Fr, "L'accueil de la mairie reste impeccable."),
            (Lang::Fr, "La facture des travaux est exorbitante."),
            (Lang::Fr, "Cette décision révèle l'impuissance du conseil."),
            (Lang::Fr, "Le club a été honteusement écarté du tournoi."),
            (
                Lang::Fr,
                "Le préfet invoque la sécurité pour justifier la fermeture.",
            ),
            (Lang::En, "The town hall's welcome remains impeccable."),
            (Lang::En, "The repair bill is exorbitant."),
            (Lang::En, "The decision shows the council's helplessness."),
            (
                Lang::En,
                "The club was scandalously left out of the tournament.",
            ),
            (
                Lang::En,
                "The council closed the park under the guise of safety.",
            ),
        ],
        Label::Opinion,
    );
    // Their neutral neighbours stay factual.
    labelled(
        &[
            (Lang::Fr, "La mairie a fermé le parc pendant les travaux."),
            (Lang::En, "The council closed the park during the works."),
        ],
        Label::Factual,
    );
}

/// Class 1: a colon inside brackets glosses a word (`(en anglais : …)`); only one in the
/// sentence itself opens a verdict.
#[test]
fn a_colon_in_brackets_is_a_gloss() {
    let colon = |lang, s: &str| cues(lang, s).iter().any(|(r, _)| *r == "colon");
    assert!(!colon(
        Lang::Fr,
        "Le jardin (en occitan : lo jardin) ouvre chaque matin."
    ));
    assert!(!colon(
        Lang::En,
        "The garden (literally: the enclosure) opens every morning."
    ));
    assert!(colon(Lang::Fr, "Le constat est simple : le jardin ferme."));
    assert!(colon(Lang::En, "The verdict is plain: the garden closes."));
    // Nor is the colon of a clock time or a score an argument.
    assert!(!colon(
        Lang::En,
        "Schools should start no earlier than 8:30 a.m. each day."
    ));
    assert!(!colon(
        Lang::Fr,
        "Le match s'est fini sur le score de 3:2 hier."
    ));
}

/// Class 5: cue words in a sense that judges nothing leave a plain statement factual: the
/// quantity `le plus de`, `most of`; the adverb `juste avant`; an `-ing` word that is a
/// verb (`before moving to`). Their judging senses stay opinion.
#[test]
fn cue_words_in_a_neutral_sense_judge_nothing() {
    for (lang, s) in [
        (
            Lang::Fr,
            "Le gardien a encaissé un but juste avant la pause.",
        ),
        (
            Lang::Fr,
            "C'est le port qui reçoit le plus de ferries en Corse.",
        ),
        (
            Lang::En,
            "She taught for eight years before moving to Ohio in 1990.",
        ),
        (
            Lang::En,
            "The district has replaced most of its frozen meals since 2022.",
        ),
    ] {
        assert_eq!(label(lang, s), Label::Factual, "{s}");
    }
    for (lang, s) in [
        (Lang::Fr, "C'est le plus beau port de Corse."),
        (Lang::En, "It was the most moving speech of the night."),
    ] {
        assert_eq!(label(lang, s), Label::Opinion, "{s}");
    }
}

/// `bien`/`mal`/`poorly` before a participle that qualifies a noun judge how a thing was
/// made (`une défense bien organisée`); after an auxiliary or a pronoun `bien` confirms a
/// fact (`le courrier a bien été reçu`), and `tant bien que mal` is no participle.
#[test]
fn manner_before_a_participle_judges_the_making() {
    for (lang, s) in [
        (Lang::Fr, "Le Havre a buté sur une défense bien organisée."),
        (
            Lang::Fr,
            "La carte des vins, courte mais bien pensée, change chaque mois.",
        ),
        (
            Lang::En,
            "The app hides a poorly designed equaliser three menus deep.",
        ),
    ] {
        let got = cues(lang, s);
        assert!(got.iter().any(|(r, _)| *r == "evaluative"), "{s}: {got:?}");
    }
    for (lang, s) in [
        (Lang::Fr, "Le courrier a bien été reçu le 3 mars."),
        (Lang::Fr, "Ils sont bien arrivés à Gao."),
        (Lang::Fr, "Il rejoint tant bien que mal la colonne."),
        (Lang::En, "Two houses were badly damaged in the storm."),
    ] {
        let got = cues(lang, s);
        assert!(!got.iter().any(|(r, _)| *r == "evaluative"), "{s}: {got:?}");
    }
}

/// An impression by likeness (`feels like`, `ressemblent à`, `sonne faux`) and the
/// author's stance adverbials (`to be fair`, `by any measure`, `à vrai dire`) are the
/// author's reading; a likeness a source reports stays the source's.
#[test]
fn likeness_and_stance_adverbials_are_opinion() {
    labelled(
        &[
            (
                Lang::En,
                "On the small screen, the finale feels like an afterthought.",
            ),
            (
                Lang::En,
                "From the harbour wall the old mill looks like a ruin.",
            ),
            (
                Lang::En,
                "The budget was, by any measure, a gamble on growth.",
            ),
            (Lang::En, "It is, in other words, a tax on renters."),
            (
                Lang::Fr,
                "Vues du parvis, les halles ressemblent à des hangars.",
            ),
            (Lang::Fr, "Le discours du préfet sonne faux."),
            (Lang::Fr, "Le quartier a l'air endormi."),
            (
                Lang::Fr,
                "En d'autres termes, la commune paiera seule les travaux.",
            ),
        ],
        Label::Opinion,
    );
    labelled(
        &[
            (
                Lang::En,
                "\"It sounded like a train,\" said a neighbour, Ruth Amis.",
            ),
            (
                Lang::Fr,
                "« On aurait dit un avion », a raconté un voisin, Marc Ilou.",
            ),
        ],
        Label::Quote,
    );
    labelled(
        &[
            (Lang::En, "The mill was built in 1820 and closed in 1962."),
            (
                Lang::Fr,
                "La halle a été construite en 1912 sur l'ancien marché.",
            ),
        ],
        Label::Factual,
    );
}

/// A numbered step opens on its verb whatever follows it (`1. Use fine-tipped
/// tweezers`, `3. Pull upwards slowly`): an instruction, the author's advice; the same
/// verbs opening an unnumbered sentence still need an object after them.
#[test]
fn a_numbered_step_is_advice_without_an_object() {
    labelled(
        &[
            (Lang::En, "2. Pull gently until the splinter comes free."),
            (Lang::En, "4. Use warm water and a mild soap."),
        ],
        Label::Opinion,
    );
    labelled(
        &[(Lang::En, "Use of the hall rose by a third last year.")],
        Label::Factual,
    );
}

/// A verdict written as a ranking (`l'une des meilleures`, `one of the finest`), a verb of
/// effect (`impressionne`, `déçoit`, `disappoints`) or a reviewer's formula (`on
/// regrettera`) is the author's judgement, with a checkable detail beside it too.
#[test]
fn rankings_and_verbs_of_effect_judge() {
    labelled(
        &[
            (
                Lang::Fr,
                "Ouverte en mars, la crêperie du port est déjà l'une des meilleures adresses de Quimper.",
            ),
            (Lang::Fr, "Le jeu des deux actrices, en revanche, déçoit."),
            (
                Lang::Fr,
                "On regrettera une dernière demi-heure qui s'étire sur 40 minutes.",
            ),
            (
                Lang::Fr,
                "Il est temps que la région tienne ses engagements.",
            ),
            (
                Lang::En,
                "Opened in 2019, the Harbour Inn is one of the finest pubs on the coast.",
            ),
            (Lang::En, "The second half of the album disappoints."),
        ],
        Label::Opinion,
    );
    labelled(
        &[(
            Lang::Fr,
            "L'équipe a fini à la troisième place du championnat en 2024.",
        )],
        Label::Factual,
    );
}
