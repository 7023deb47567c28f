//! French quotation and source-span classes on unseen text, each pinned with sentences
//! written for these tests: straight marks paired by what stands around them, quotations
//! whose close is lost, titles in sentence case, `selon` without a comma, presenting
//! verbs in the passive, and the boundaries of a source (an object pronoun, a subject
//! joined by `et`, an apposition before an infinitive).

use glose::model::label::Label;
use glose::nlp::analysis::Analyzer;
use glose::nlp::highlight::Kind;
use glose::nlp::lang::Lang;

/// Source spans (rule, text) of the sentence `unit` of `text`.
fn sources_in(text: &str, unit: &str) -> Vec<(&'static str, String)> {
    let s = text.find(unit).expect("unit in text");
    Analyzer::builtin()
        .span(text, Lang::Fr, s, s + unit.len())
        .spans
        .iter()
        .filter(|sp| sp.kind == Kind::Source)
        .map(|sp| (sp.rule, text[sp.start..sp.end].to_string()))
        .collect()
}

fn sources(text: &str) -> Vec<(&'static str, String)> {
    sources_in(text, text)
}

fn label_in(text: &str, unit: &str) -> Label {
    let s = text.find(unit).expect("unit in text");
    Analyzer::builtin()
        .span(text, Lang::Fr, s, s + unit.len())
        .suggestion
        .map_or(Label::Skip, |x| x.label)
}

fn label(text: &str) -> Label {
    label_in(text, text)
}

/// Each sentence has exactly these source spans.
fn spans_are(cases: &[(&str, &[(&str, &str)])]) {
    for (s, want) in cases {
        let want: Vec<(&str, String)> = want.iter().map(|(r, t)| (*r, t.to_string())).collect();
        assert_eq!(sources(s), want, "{s}");
    }
}

/// A straight mark spaced on both sides closes when no word follows it in its sentence
/// (`! "` before the next one) and opens after a colon (`: " Nous`); one that begins a
/// sentence opens it, whatever ended the sentence before.
#[test]
fn spaced_straight_marks_are_told_by_the_punctuation_before_them() {
    let line = "Le chef a goûté chaque plat en silence. Voilà une cuisine honnête ! \" Les clients sont repartis ravis.";
    let unit = "Voilà une cuisine honnête ! \"";
    let v = sources_in(line, unit);
    assert_eq!(
        v,
        vec![("quotation", unit.to_string())],
        "the mark closes a quotation begun before the sentence"
    );
    assert_eq!(label_in(line, unit), Label::Quote);
    // The sentence after the closing mark quotes nothing.
    assert_eq!(sources_in(line, "Les clients sont repartis ravis."), vec![]);
    let colon = "Le syndicat a tranché : \" Nous ne signerons pas cet accord en l'état \", a prévenu sa secrétaire.";
    let v = sources(colon);
    assert!(
        v.contains(&(
            "quotation",
            "\" Nous ne signerons pas cet accord en l'état \"".to_string()
        )),
        "{v:?}"
    );
    // After a full stop, a spaced mark that begins the next sentence opens it.
    let next = "La réunion a duré trois heures. \" Nous reviendrons la semaine prochaine avec des propositions \", a dit le délégué.";
    let v = sources_in(
        next,
        "\" Nous reviendrons la semaine prochaine avec des propositions \", a dit le délégué.",
    );
    assert!(
        v.contains(&(
            "quotation",
            "\" Nous reviendrons la semaine prochaine avec des propositions \"".to_string()
        )),
        "{v:?}"
    );
}

/// A mark that surely opens and is never closed on its line quotes the rest of its own
/// sentence (more than a few words), never the sentences after it; a lone mark before a
/// word or two quotes nothing.
#[test]
fn unclosed_quotations_stop_at_their_sentence() {
    let line = "« Pourquoi personne ne nous a prévenus de la fermeture ? Le bureau de poste ouvre à neuf heures.";
    let q = "« Pourquoi personne ne nous a prévenus de la fermeture ?";
    assert_eq!(sources_in(line, q), vec![("quotation", q.to_string())]);
    assert_eq!(label_in(line, q), Label::Quote);
    assert_eq!(
        sources_in(line, "Le bureau de poste ouvre à neuf heures."),
        vec![]
    );
    let mid = "Selon la gardienne « les colis arrivent toujours avec deux jours de retard.";
    let v = sources(mid);
    assert!(
        v.contains(&(
            "quotation",
            "« les colis arrivent toujours avec deux jours de retard.".to_string()
        )),
        "{v:?}"
    );
    // A stray mark before one word is a typo, not a quotation.
    assert_eq!(sources("Le maire parle de \"rénovation."), vec![]);
}

/// A closing guillemet that nothing in its paragraph opened and that a word follows
/// separates (a breadcrumb, a forum's post header) and quotes nothing; one with
/// punctuation after it closes a quotation whose opening mark was lost, and one whose
/// opening mark stands on an earlier line of the paragraph (text wrapped inside the
/// quotation) still closes it.
#[test]
fn a_closing_mark_nothing_opened_quotes_nothing() {
    assert_eq!(sources("Accueil » Actualités » Sport"), vec![]);
    let post = "Message par Léa_72 » lun. 9 janv. 2023 15:47\n\nOn a fait poser une PAC en 2021.";
    assert_eq!(
        sources_in(post, "Message par Léa_72 » lun. 9 janv. 2023 15:47"),
        vec![]
    );
    assert_eq!(sources_in(post, "On a fait poser une PAC en 2021."), vec![]);
    // A lost opening mark: punctuation after the close, the quotation is the sentence's.
    let lost = "Nous fermerons le pont lundi », a déclaré le préfet.";
    let v = sources(lost);
    assert!(
        v.iter()
            .any(|(r, t)| *r == "quotation" && t == "Nous fermerons le pont lundi »"),
        "{v:?}"
    );
    let wrapped =
        "Le maire a prévenu : « Nous ne fermerons pas\nla classe cette année », a-t-il dit.";
    let unit = "la classe cette année », a-t-il dit.";
    let v = sources_in(wrapped, unit);
    assert!(
        v.iter()
            .any(|(r, t)| *r == "quotation" && t == "la classe cette année »"),
        "{v:?}"
    );
}

/// Titles and names in sentence case inside a clause (a prize, a section, a nickname
/// after `on l'appelait`, a translation in brackets, a number first, a book after `publie`)
/// are neither quotations nor scare quotes, nor a frame for a verb of speech; a quotation
/// with a verb, or after a colon, still is.
#[test]
fn sentence_case_titles_are_not_quotations() {
    for s in [
        "La romancière a reçu le prix « Plume d'argent de la ville de Nantes » en 2019.",
        "Les résultats figurent dans la partie \"Mesures du débit de la rivière\" du rapport.",
        "Dans sa jeunesse, on le surnommait « Le lion du faubourg » (« The lion of the suburb »).",
        "Le navire a été rebaptisé « (12) Étoile du Nord » après sa vente.",
        // A verb that publishes frames no speech with a title after it.
        "Il publie le 8 février « Le Réveil des petites villes de province » chez Stock.",
    ] {
        assert_eq!(sources(s), vec![], "{s}");
        assert_ne!(label(s), Label::Quote, "{s}");
    }
    spans_are(&[
        (
            "Le slogan reste le même : « Nous voulons des médecins dans nos villages ».",
            &[(
                "quotation",
                "« Nous voulons des médecins dans nos villages »",
            )],
        ),
        (
            "Elle a lu « Les enfants sont partis ce matin » sur la pancarte.",
            &[("quotation", "« Les enfants sont partis ce matin »")],
        ),
    ]);
}

/// `Selon X` opening a sentence attributes even without a comma; its noun phrase stops
/// before the subject pronoun.
#[test]
fn selon_without_a_comma() {
    spans_are(&[
        (
            "Selon la chronique locale il aurait dormi trois nuits dans ce moulin.",
            &[("according-to", "Selon la chronique locale")],
        ),
        (
            "D'après les anciens du village elle n'a jamais gelé aussi tôt.",
            &[("according-to", "D'après les anciens du village")],
        ),
    ]);
    // Inside a sentence, `selon` still needs a source.
    spans_are(&[("Le prix du ticket varie selon la saison.", &[])]);
}

/// A passive verb of presenting with `comme` reports the view of others.
#[test]
fn presented_as_is_an_attribution() {
    spans_are(&[
        (
            "Ces fresques sont considérées comme les plus anciennes de la région.",
            &[("passive-as", "sont considérées comme")],
        ),
        (
            "Le projet a été présenté comme une solution durable pour le quartier.",
            &[("passive-as", "été présenté comme")],
        ),
    ]);
    assert_eq!(
        label("Le pont est souvent décrit comme le plus beau du département."),
        Label::Quote
    );
    // Without `comme`, or with another verb, nothing is reported.
    spans_are(&[
        ("Le nouveau modèle est présenté au salon de Genève.", &[]),
        ("La maison est construite comme une ferme.", &[]),
    ]);
}

/// The source covers its name and description: an object pronoun before the verb does
/// not cut the subject off (`X, lui demande`), `et` joining two nouns does not either,
/// and a second verb after `et` in a frame is an attribution by itself.
#[test]
fn source_spans_cover_the_source() {
    spans_are(&[
        (
            "Après le vote, la présidente de l'association, Claire Vasseur, lui demande de se retirer du bureau.",
            &[(
                "attribution",
                "la présidente de l'association, Claire Vasseur, lui demande",
            )],
        ),
        (
            "Les syndicats locaux et nationaux affirment que la grève sera reconduite.",
            &[("attribution", "Les syndicats locaux et nationaux affirment")],
        ),
    ]);
    let v = sources(
        "La préfecture reconnaît un retard dans les travaux, et invite les automobilistes à éviter le secteur.",
    );
    assert!(v.contains(&("attribution", "invite".to_string())), "{v:?}");
    // Two clauses joined by `et`: the subject is the second one's.
    let v = sources("Le maire est arrivé en retard et les conseillers affirment qu'il a oublié.");
    assert!(
        v.contains(&("attribution", "les conseillers affirment".to_string())),
        "{v:?}"
    );
}

/// Requests keep their frame across an apposition or an object pronoun before the
/// infinitive; `à partir de` is a time, not a request.
#[test]
fn requests_with_an_apposition_or_a_pronoun() {
    for s in [
        "Le ministre demande aux agriculteurs de se regrouper en coopératives.",
        "Le capitaine supplie son armateur, la société Marin, de rapatrier l'équipage.",
        "La ville appelle tous les propriétaires à déneiger leur trottoir.",
    ] {
        assert_eq!(label(s), Label::Quote, "{s}: {:?}", sources(s));
    }
    assert_eq!(
        sources("La mairie invite les familles à partir de dix heures pour la fête."),
        vec![]
    );
}

/// A bare participle after a comma (`…, accusés sans preuve`) is no inverted clause, nor
/// a verb at all; with its auxiliary a few words before it still is one; a word of a
/// compound (`contre-la-montre`) is no verb.
#[test]
fn bare_participles_and_compounds() {
    spans_are(&[(
        "La police a arrêté deux jeunes du quartier, accusés sans preuve.",
        &[],
    )]);
    spans_are(&[(
        "Le chantier reprendra en mars, a précisé la maire.",
        &[("inverted-attribution", "a précisé la maire")],
    )]);
    assert_eq!(
        label("Devant les élus, le préfet n'a pas seulement annoncé des crédits."),
        Label::Quote
    );
    spans_are(&[
        (
            "Les écarts du jour, très nets, dépassent ceux du contre-la-montre.",
            &[],
        ),
        (
            "Le bus repartira demain, ajoute-t-il.",
            &[("inverted-pronoun", "ajoute-t-il")],
        ),
    ]);
}

/// A study that shows something reports it; `aucun` before a noun spelt like a verb
/// makes it a noun.
#[test]
fn studies_show_and_nouns_after_aucun() {
    spans_are(&[
        (
            "L'étude, conduite par deux hôpitaux lyonnais, montre que le traitement est efficace.",
            &[(
                "attribution",
                "L'étude, conduite par deux hôpitaux lyonnais, montre",
            )],
        ),
        (
            "La nouvelle n'a fait l'objet d'aucun démenti de la mairie.",
            &[],
        ),
    ]);
}

/// A reporting verb in the conditional passive is hearsay; in the plain passive without
/// its agent it reports nobody.
#[test]
fn conditional_passive_is_hearsay() {
    let s = "Plusieurs noms de repreneurs auraient été évoqués lors de la réunion.";
    let v = sources(s);
    assert!(
        v.iter()
            .any(|(r, t)| *r == "attribution" && t.ends_with("auraient été évoqués")),
        "{v:?}"
    );
    assert_eq!(label(s), Label::Quote);
    assert_eq!(
        sources("Plusieurs noms de repreneurs ont été évoqués lors de la réunion."),
        vec![]
    );
}
