//! The error classes of the rules on text glose had not seen, each pinned with French and
//! English sentences written for these tests: plain narrative is factual, action verbs are
//! not reporting verbs, straight quotes pair by their spacing, words inside compounds and
//! abbreviations are not cues, frequent words do not vote (short headings being skip is in `suggest.rs`), claims
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
        assert_eq!(
            a.suggestion.as_ref().unwrap().label,
            *want,
            "{s}: {:?}",
            a.suggestion.as_ref().unwrap().reasons
        );
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
    assert!(a.suggestion.as_ref().unwrap().reasons[0].starts_with("plain statement"));
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

/// Class 2: a verb that also names an action reports speech only inside a speech frame;
/// inverted clauses attribute without quotation marks; `selon`/`according to` needs a
/// source, not a rule; `appeler`/`call` names unless it calls for something.
#[test]
fn reporting_needs_a_speech_frame() {
    use Label::*;
    check(
        Lang::Fr,
        &[
            (
                "Elle écrit pour un magazine de voile depuis dix ans.",
                Factual,
            ),
            (
                "Le musée a publié un catalogue de ses collections.",
                Factual,
            ),
            (
                "La mairie propose des ateliers de cuisine aux enfants.",
                Factual,
            ),
            (
                "Son premier roman est publié chez un petit éditeur.",
                Factual,
            ),
            (
                "Le village possède un moulin appelé la Tour Blanche.",
                Factual,
            ),
            (
                "La maison a été construite selon les plans de son père.",
                Factual,
            ),
            ("Le chantier prendra six mois, a précisé le préfet.", Quote),
            ("Elle a répondu que le dossier était complet.", Quote),
            ("Le syndicat a réaffirmé son opposition au projet.", Quote),
            ("Selon plusieurs témoins, le bus roulait trop vite.", Quote),
            ("Le maire appelle au calme après les incidents.", Quote),
        ],
    );
    check(
        Lang::En,
        &[
            ("She writes for a sailing magazine in Brighton.", Factual),
            (
                "The museum published a catalogue of its collection.",
                Factual,
            ),
            ("The village has a mill called the White Tower.", Factual),
            (
                "The house was built according to plans drawn up in 1910.",
                Factual,
            ),
            ("The plant will close next year, the company said.", Quote),
            ("Work will take six months, said the prefect.", Quote),
            ("She replied that the file was complete.", Quote),
            (
                "According to several witnesses, the bus was speeding.",
                Quote,
            ),
        ],
    );
    let src = rules(
        Lang::Fr,
        "Le chantier prendra six mois, a précisé le préfet.",
        Kind::Source,
    );
    assert_eq!(
        src,
        vec![("inverted-attribution", "a précisé le préfet".to_string())]
    );
}

/// Class 3: straight quotes pair by the spacing around each mark, an unmatched mark
/// quotes nothing, and quoted titles and names are neither quotations nor scare quotes.
#[test]
fn quotes_pair_by_spacing_and_titles_are_not_quotes() {
    let an = Analyzer::builtin();
    let source_rules = |text: &str, unit: &str| -> Vec<&'static str> {
        let s = text.find(unit).unwrap();
        an.span(text, an.lang_of(text), s, s + unit.len())
            .spans
            .iter()
            .filter(|sp| sp.kind == Kind::Source)
            .map(|sp| sp.rule)
            .collect()
    };
    // One unmatched mark early in a line does not quote the sentences after it.
    let fr = "Il a parlé de \"décentralisation. Le marché a lieu le mardi sur la place du village. Les commerçants arrivent à six heures.";
    assert_eq!(
        source_rules(fr, "Le marché a lieu le mardi sur la place du village."),
        Vec::<&str>::new()
    );
    let en = "He mentioned \"decentralisation. The market is held on Tuesdays in the square. Traders arrive at six.";
    assert_eq!(
        source_rules(en, "The market is held on Tuesdays in the square."),
        Vec::<&str>::new()
    );
    // A quotation over two sentences, closed in the second, is carried into it.
    let two =
        "\"Nous avons tout perdu. Il faudra des années pour reconstruire,\" dit une habitante.";
    assert!(
        source_rules(
            two,
            "Il faudra des années pour reconstruire,\" dit une habitante."
        )
        .contains(&"quotation")
    );
    // A closing mark alone at the start of a line closes the line before.
    let close = "\"We lost everything in the flood and nobody came to help\n\" said a resident.";
    let s = close.find('\n').unwrap() + 1;
    let v = an.span(close, Lang::En, s, close.len());
    assert_eq!(
        v.suggestion.as_ref().unwrap().label,
        Label::Quote,
        "{:?}",
        v.spans
    );
    // Titles and names.
    for (lang, s) in [
        (Lang::Fr, "Elle a relu \"Les Misérables\" pendant l'été."),
        (
            Lang::Fr,
            "Le musée expose le tableau « La Nuit étoilée » jusqu'en mars.",
        ),
        (
            Lang::En,
            "She reread \"The Old Man and the Sea\" last summer.",
        ),
        (
            Lang::En,
            "The gallery shows the painting \"Starry Night\" until March.",
        ),
    ] {
        assert_eq!(rules(lang, s, Kind::Source), vec![], "{s}");
        assert_eq!(
            analyse(lang, s).suggestion.as_ref().unwrap().label,
            Label::Factual,
            "{s}"
        );
    }
    // A real quotation and a scare quote still are.
    let q = rules(
        Lang::Fr,
        "« Nous ne céderons rien du tout », a déclaré la ministre.",
        Kind::Source,
    );
    assert!(q.iter().any(|r| r.0 == "quotation"), "{q:?}");
    let sq = rules(Lang::En, "His \"reform\" changed nothing.", Kind::Source);
    assert_eq!(sq, vec![("scare-quote", "\"reform\"".to_string())]);
}

/// Class 8: each way the rules decide carries its measured prior, in French and English.
#[test]
fn confidences_are_the_measured_priors() {
    use glose::nlp::suggest::prior;
    let conf = |lang, s: &str| analyse(lang, s).suggestion.as_ref().unwrap().confidence;
    for (lang, plain, one, two, strong, quotation) in [
        (
            Lang::Fr,
            "Elle a ouvert une boulangerie avec son frère.",
            "Le marché ouvre le 3 mai.",
            "Le marché ouvre le 3 mai à Vierzon.",
            "Ce spectacle est franchement ridicule.",
            "« Nous rouvrirons dès que possible », a déclaré la gérante.",
        ),
        (
            Lang::En,
            "She opened a bakery with her brother.",
            "The market opens on 3 May.",
            "The market opens on 3 May in Leeds.",
            "This show is frankly ridiculous.",
            "\"We will reopen as soon as we can,\" the manager said.",
        ),
    ] {
        assert_eq!(conf(lang, plain), prior::FACTUAL_PLAIN, "{plain}");
        assert_eq!(conf(lang, one), prior::FACTUAL_CLAIM, "{one}");
        assert_eq!(conf(lang, two), prior::FACTUAL_CLAIMS, "{two}");
        assert_eq!(conf(lang, strong), prior::OPINION_STRONG, "{strong}");
        assert_eq!(
            conf(lang, quotation),
            prior::quote("quotation"),
            "{quotation}"
        );
    }
}

/// A French debate record: the paragraph opening on a speaker's title and name is not a
/// sentence (`skip`); what the speaker says after it is the speaker's (`quote`), first
/// person and questions included; the room's reactions in parentheses after a turn are
/// notes of the record, no one's sentence (`skip`, as the English `(Applause.)` is, the
/// convention five of the six references with such notes share). A news paragraph about a
/// named person is none of it.
#[test]
fn debate_records_cite_their_speakers() {
    let text = "Séance du jeudi 4 juin\n\n\
                M. le président. La parole est à M. Luc Perrin.\n\n\
                M. Luc Perrin. Monsieur le ministre, nous avons reçu 300 lettres de parents. \
                Allez-vous rouvrir la classe ?\n\n\
                (Applaudissements sur les bancs du groupe GDR.)\n\n\
                Mme Anne Roux, ministre de l'éducation. Je vous remercie de cette question.\n";
    let at = |s: &str| {
        // At the start of a line where it is one (the name is in the chair's line too).
        let start = text
            .find(&format!("\n{s}"))
            .map(|i| i + 1)
            .or_else(|| text.find(s))
            .unwrap_or_else(|| panic!("{s} not in the text"));
        let a = Analyzer::builtin().span(text, Lang::Fr, start, start + s.len());
        let g = a.suggestion.expect("a suggestion");
        (g.label, g.reasons)
    };
    for (s, want) in [
        ("M. le président.", Label::Skip),
        ("La parole est à M. Luc Perrin.", Label::Quote),
        ("M. Luc Perrin.", Label::Skip),
        (
            "Monsieur le ministre, nous avons reçu 300 lettres de parents.",
            Label::Quote,
        ),
        ("Allez-vous rouvrir la classe ?", Label::Quote),
        (
            "(Applaudissements sur les bancs du groupe GDR.)",
            Label::Skip,
        ),
        ("Mme Anne Roux, ministre de l'éducation.", Label::Skip),
        ("Je vous remercie de cette question.", Label::Quote),
    ] {
        let (got, why) = at(s);
        assert_eq!(got, want, "{s}: {why:?}");
    }
    let news = "M. Perrin a quitté la mairie. Il siège désormais au conseil régional.\n";
    let cut = news.find(" Il").unwrap_or(0);
    for (a, b) in [(0, cut), (cut + 1, news.len() - 1)] {
        let g = Analyzer::builtin().span(news, Lang::Fr, a, b).suggestion;
        assert_eq!(g.map(|g| g.label), Some(Label::Factual), "{}", &news[a..b]);
    }
}

/// The French first person: with a verb of thought, stance, wish or commitment it is the
/// author's judgment (`opinion`); narrating, it is weak evidence that a checkable figure,
/// date or place outweighs (`factual`), as the English first person.
#[test]
fn french_first_person_narrating_states_facts() {
    check(
        Lang::Fr,
        &[
            (
                "J'ai une Renault Zoé de 2019 avec 80 000 km.",
                Label::Factual,
            ),
            (
                "Nous sommes arrivés à Gao le 3 mars vers 14h.",
                Label::Factual,
            ),
            ("Je pense que cette réforme est une erreur.", Label::Opinion),
            ("Nous devons agir avant l'hiver.", Label::Opinion),
            ("Je vous conseille de comparer les devis.", Label::Opinion),
            ("Je suis convaincu qu'il reviendra.", Label::Opinion),
            // A narrator repeating `je` with no stance word tells what was done.
            (
                "Je lave les cerises, je les équeute et je les répartis dans le plat.",
                Label::Factual,
            ),
            (
                "J'ai dit oui et j'ai récupéré la voiture jeudi.",
                Label::Factual,
            ),
            // One weak `je` and nothing checkable stays weak evidence; a stance still wins.
            ("Je me méfie toujours de ces discours.", Label::Opinion),
            ("Je crois que je vais rester ici.", Label::Opinion),
        ],
    );
}

/// The suggested label of the sentence of `text` that starts with `s` and is `s`.
fn label_in(lang: Lang, text: &str, s: &str) -> Label {
    let a = text
        .find(s)
        .unwrap_or_else(|| panic!("{s} not in the text"));
    let got = Analyzer::builtin().span(text, lang, a, a + s.len());
    got.suggestion.map_or(Label::Skip, |g| g.label)
}

/// A French interview in print (questions alone on their lines after `Propos recueillis
/// par`) and on the radio (the speakers' names alone on their lines): every sentence of an
/// answer is the interviewee's, the interviewer's questions skip, the chapô the author's.
#[test]
fn french_interview_answers_are_quotes_and_questions_skip() {
    let print = "Claire Lemoine : « Le sommeil est devenu une variable »\n\n\
                 Propos recueillis par Mathilde Garnier\n\n\
                 Médecin du sommeil à Bordeaux, Claire Lemoine publie un guide le 9 octobre.\n\n\
                 Les Français dorment-ils moins qu'avant ?\n\n\
                 Oui, et c'est mesurable. Nous avons perdu une heure de sommeil en cinquante ans.\n\n\
                 Les écrans sont-ils coupables ?\n\n\
                 Ils jouent un rôle, mais je me méfie des explications simples.\n";
    for (s, want) in [
        (
            "Médecin du sommeil à Bordeaux, Claire Lemoine publie un guide le 9 octobre.",
            Label::Factual,
        ),
        ("Les Français dorment-ils moins qu'avant ?", Label::Skip),
        ("Oui, et c'est mesurable.", Label::Quote),
        (
            "Nous avons perdu une heure de sommeil en cinquante ans.",
            Label::Quote,
        ),
        (
            "Ils jouent un rôle, mais je me méfie des explications simples.",
            Label::Quote,
        ),
    ] {
        assert_eq!(label_in(Lang::Fr, print, s), want, "{s}");
    }
    let radio = "CLAIRE FABRE\n\nBonjour. La situation est-elle grave ?\n\n\
                 BERNARD CASTAING\n\nOui, l'hiver a été doux.\n\n\
                 CLAIRE FABRE\n\nQue peuvent faire les auditeurs ?\n\n\
                 BERNARD CASTAING\n\nPiéger les reines au printemps, c'est le plus important.\n";
    for (s, want) in [
        ("La situation est-elle grave ?", Label::Skip),
        ("Oui, l'hiver a été doux.", Label::Quote),
        ("Que peuvent faire les auditeurs ?", Label::Skip),
        (
            "Piéger les reines au printemps, c'est le plus important.",
            Label::Quote,
        ),
    ] {
        assert_eq!(label_in(Lang::Fr, radio, s), want, "{s}");
    }
    // Without an interview's marker, questions alone on their lines are the author's.
    let essay = "Faut-il fermer la ligne ?\n\nLa région a voté la fermeture en mai.\n\n\
                 Et après ?\n\nLes élus ont promis un car.\n";
    assert_eq!(
        label_in(Lang::Fr, essay, "La région a voté la fermeture en mai."),
        Label::Factual
    );
    // A forum thread: the marker is a whole word (not `l'entretient`), a reply's subject
    // line is a heading, not a question, a question asked there is skip, and the posts
    // are their writers' own.
    let forum = "Chaudière fioul : vos retours ?\n\n\
                 Message par Léa_72 » lun. 9 janv. 2023 15:47\n\n\
                 Notre chaudière a 28 ans et le chauffagiste qui l'entretient la juge usée.\n\n\
                 Re: Chaudière fioul : vos retours ?\n\n\
                 Message par bricoleur » lun. 9 janv. 2023 18:02\n\n\
                 On a posé une pompe à chaleur en 2021 pour 14 000 euros.\n\n\
                 Re: Chaudière fioul : vos retours ?\n\n\
                 Message par Léa_72 » mar. 10 janv. 2023 09:14\n\n\
                 La facture est passée de 2 200 à 1 300 euros par an.\n";
    for (s, want) in [
        ("Chaudière fioul : vos retours ?", Label::Skip),
        ("Re: Chaudière fioul : vos retours ?", Label::Skip),
        (
            "On a posé une pompe à chaleur en 2021 pour 14 000 euros.",
            Label::Factual,
        ),
        (
            "La facture est passée de 2 200 à 1 300 euros par an.",
            Label::Factual,
        ),
    ] {
        assert_eq!(label_in(Lang::Fr, forum, s), want, "{s}");
    }
    // Only the interviewee labeled (`Nom : …`): every sentence of the turn is theirs, the
    // headline quoting them and the label cut on its own are furniture.
    let labeled = "Entretien\nJeanne Arlet : « Le car ne suffit pas »\n\n\
                   Propos recueillis par Hugo Ravier\n\n\
                   La ligne ferme en mai. Que proposez-vous ?\n\n\
                   Jeanne Arlet : Un car toutes les heures. La région a chiffré le coût à 2 millions.\n\n\
                   Et les usagers ?\n\n\
                   Jeanne Arlet : Ils ont signé la pétition, 3 000 en un mois.\n";
    for (s, want) in [
        ("Jeanne Arlet : « Le car ne suffit pas »", Label::Skip),
        ("Jeanne Arlet : Un car toutes les heures.", Label::Quote),
        ("La région a chiffré le coût à 2 millions.", Label::Quote),
        ("Que proposez-vous ?", Label::Skip),
    ] {
        assert_eq!(label_in(Lang::Fr, labeled, s), want, "{s}");
    }
    let label = "Jeanne Arlet :";
    let at = labeled.rfind(label).expect("label");
    let cut = Analyzer::builtin().span(labeled, Lang::Fr, at, at + label.len());
    assert_eq!(cut.suggestion.map(|g| g.label), Some(Label::Skip));
}

/// The familiar `tu` of a forum or a column speaks to the reader, and formulas of doubt
/// or of a pattern (`reste à savoir`, `une fois de plus`, `fait mine de`) are the
/// author's: opinion where nothing checkable competes.
#[test]
fn french_address_and_formulas_of_doubt_are_opinion() {
    check(
        Lang::Fr,
        &[
            (
                "Regarde ton contrat, t'as sûrement une garantie.",
                Label::Opinion,
            ),
            ("Reste à savoir si le calendrier sera tenu.", Label::Opinion),
            (
                "Le débat a tourné, une fois de plus, au dialogue de sourds.",
                Label::Opinion,
            ),
            ("Le ministère fait mine de l'ignorer.", Label::Opinion),
        ],
    );
    check(
        Lang::Fr,
        &[
            (
                "Vous pouvez retirer le formulaire à l'accueil de la mairie.",
                Label::Factual,
            ),
            (
                "Le fleuve est sorti de son lit mardi à Tours.",
                Label::Factual,
            ),
            // The `t` between a verb and its pronoun speaks to nobody.
            ("Ainsi a-t-il rejoint Gao le 3 mai.", Label::Factual),
        ],
    );
}

/// Politeness said for its own sake (a greeting, thanks, a welcome) is ceremony, skip,
/// in a speaker's turn of a transcript too; thanks that go on to say something, thanks a
/// source is reported to give, and `thanks to` as a cause are sentences.
#[test]
fn formulas_of_politeness_are_ceremony() {
    let show = "HOST: Good morning, and welcome back to City Desk.\n\n\
                HOST: Maya Roth runs the food bank on Pier Street. Maya, thanks for coming in.\n\n\
                MAYA ROTH: Thanks for having me, Tom.\n\n\
                HOST: How many families came last month?\n\n\
                MAYA ROTH: About 1,400, which is twice last year's number.\n\n\
                HOST: Maya Roth, thank you.\n";
    for (s, want) in [
        (
            "HOST: Good morning, and welcome back to City Desk.",
            Label::Skip,
        ),
        ("Maya, thanks for coming in.", Label::Skip),
        ("MAYA ROTH: Thanks for having me, Tom.", Label::Skip),
        ("HOST: Maya Roth, thank you.", Label::Skip),
        (
            "MAYA ROTH: About 1,400, which is twice last year's number.",
            Label::Quote,
        ),
    ] {
        assert_eq!(label_in(Lang::En, show, s), want, "{s}");
    }
    check(
        Lang::En,
        &[
            (
                "\"Thank you,\" the mayor told the volunteers.",
                Label::Quote,
            ),
            (
                "Thanks to the new pumps, the village has water again.",
                Label::Factual,
            ),
        ],
    );
    check(
        Lang::Fr,
        &[
            ("Merci d'avance !", Label::Skip),
            ("Bonjour à tous et bonne année.", Label::Skip),
            ("Merci à vous deux, vous êtes top !", Label::Opinion),
        ],
    );
}
