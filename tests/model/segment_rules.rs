//! One test per segmentation rule, in French and in English.

use glose::nlp::segment::{VERSION, segment};

fn split(text: &str) -> Vec<&str> {
    segment(text).iter().map(|s| s.text(text)).collect()
}

fn paragraphs(text: &str) -> Vec<u32> {
    segment(text).iter().map(|s| s.paragraph).collect()
}

#[test]
fn version_names_this_segmenter() {
    assert_eq!(VERSION, "glose-seg/7");
}

#[test]
fn plain_sentence_ends() {
    assert_eq!(
        split("Il pleut. Pourquoi maintenant ? Quelle honte ! Fin"),
        [
            "Il pleut.",
            "Pourquoi maintenant ?",
            "Quelle honte !",
            "Fin"
        ]
    );
    assert_eq!(
        split("It rains. Does it? Yes!"),
        ["It rains.", "Does it?", "Yes!"]
    );
}

#[test]
fn titles_never_end_a_sentence() {
    assert_eq!(
        split("Selon M. Dupont, Mme Keïta et MM. Coulibaly ont signé. Le Dr. Maïga aussi."),
        [
            "Selon M. Dupont, Mme Keïta et MM. Coulibaly ont signé.",
            "Le Dr. Maïga aussi."
        ]
    );
    assert_eq!(
        split("Le Pr. Sow prie à l'église St. Michel. Elle est vide."),
        ["Le Pr. Sow prie à l'église St. Michel.", "Elle est vide."]
    );
    assert_eq!(
        split("Mr. Smith met Dr. Jones. They talked."),
        ["Mr. Smith met Dr. Jones.", "They talked."]
    );
    assert_eq!(
        split("Voir cf. Le Monde du 3 mai. Puis p. ex. Libération."),
        ["Voir cf. Le Monde du 3 mai.", "Puis p. ex. Libération."]
    );
}

#[test]
fn ambiguous_abbreviations_end_only_before_a_sentence_starter() {
    assert_eq!(
        split("Le col. Maïga l'assiste. Ils ont passé le col. Les mulets suivaient."),
        [
            "Le col. Maïga l'assiste.",
            "Ils ont passé le col.",
            "Les mulets suivaient."
        ]
    );
    assert_eq!(
        split("Selon l'art. 12 de la charte, rien. Le vol. 3 paraît le 2 Jan. 2025 à Paris."),
        [
            "Selon l'art. 12 de la charte, rien.",
            "Le vol. 3 paraît le 2 Jan. 2025 à Paris."
        ]
    );
    // an elided article counts as a starter only before its apostrophe
    assert_eq!(
        split("Le texte (art. L. 2122-22 du code) délègue. Voir l'art. L’article suit."),
        [
            "Le texte (art. L. 2122-22 du code) délègue.",
            "Voir l'art.",
            "L’article suit."
        ]
    );
    assert_eq!(
        split("It opens at 5 p.m. The doors close at 9."),
        ["It opens at 5 p.m.", "The doors close at 9."]
    );
}

#[test]
fn etc_ends_a_sentence_before_a_capital_only() {
    assert_eq!(
        split("Des motos, etc. et des vivres. Des vivres, etc. Rien n'a été épargné."),
        [
            "Des motos, etc. et des vivres.",
            "Des vivres, etc.",
            "Rien n'a été épargné."
        ]
    );
}

#[test]
fn initials_and_acronyms() {
    assert_eq!(
        split("Le rapport de John K. Galbraith est signé par A. Touré. Il date de 1958."),
        [
            "Le rapport de John K. Galbraith est signé par A. Touré.",
            "Il date de 1958."
        ]
    );
    assert_eq!(
        split("Le général J.-C. Ouattara a démissionné. Fondée en 300 av. J.-C. Elle prospéra."),
        [
            "Le général J.-C. Ouattara a démissionné.",
            "Fondée en 300 av. J.-C.",
            "Elle prospéra."
        ]
    );
    assert_eq!(
        split("L'O.N.U. a condamné. U.S. officials met in the U.S. The talks failed."),
        [
            "L'O.N.U. a condamné.",
            "U.S. officials met in the U.S.",
            "The talks failed."
        ]
    );
    assert_eq!(
        split("Il parle de la vitamine C. Elle est utile."),
        ["Il parle de la vitamine C.", "Elle est utile."]
    );
}

#[test]
fn numbers_are_never_split() {
    assert_eq!(
        split("Il faut 10 000 hommes, 3,5 % de croissance, 1.5 million et 120 mm. Le 1er a gagné."),
        [
            "Il faut 10 000 hommes, 3,5 % de croissance, 1.5 million et 120 mm.",
            "Le 1er a gagné."
        ]
    );
    assert_eq!(
        split(
            "Les combats ont repris le 12 mai 2024. 2025 s'annonce dur. Le couvre-feu est à 20 h. Il dure."
        ),
        [
            "Les combats ont repris le 12 mai 2024.",
            "2025 s'annonce dur.",
            "Le couvre-feu est à 20 h.",
            "Il dure."
        ]
    );
    assert_eq!(
        split("Growth was 3.5 percent. It fell."),
        ["Growth was 3.5 percent.", "It fell."]
    );
}

#[test]
fn quotations_keep_their_closing_mark_and_attribution() {
    assert_eq!(
        split("« Nous ne partirons pas. » Les troupes restent. « Partez ! » a crié un soldat."),
        [
            "« Nous ne partirons pas. »",
            "Les troupes restent.",
            "« Partez ! » a crié un soldat."
        ]
    );
    assert_eq!(
        split("« Le chef a signé. Donc ils reviennent », a expliqué un habitant. Il pleut."),
        [
            "« Le chef a signé.",
            "Donc ils reviennent », a expliqué un habitant.",
            "Il pleut."
        ]
    );
    assert_eq!(
        split("Il a conclu : « C'est fini ». Puis il est parti."),
        ["Il a conclu : « C'est fini ».", "Puis il est parti."]
    );
    assert_eq!(
        split("“Ils testent le régime.” Le constat est partagé. He said \"Stop.\" Then he left."),
        [
            "“Ils testent le régime.”",
            "Le constat est partagé.",
            "He said \"Stop.\"",
            "Then he left."
        ]
    );
    // French spacing with a no-break space before the closing guillemet.
    assert_eq!(
        split("« Qui sont-ils\u{202f}? »\u{a0}s'interroge-t-il. Personne."),
        [
            "« Qui sont-ils\u{202f}? »\u{a0}s'interroge-t-il.",
            "Personne."
        ]
    );
}

#[test]
fn ellipsis() {
    assert_eq!(
        split(
            "Le bilan s'alourdit… Les secours manquent. Il s'alourdit… et rien. Il promit... Personne ne vint."
        ),
        [
            "Le bilan s'alourdit…",
            "Les secours manquent.",
            "Il s'alourdit… et rien.",
            "Il promit...",
            "Personne ne vint."
        ]
    );
    assert_eq!(
        split("« Nous avons (…) perdu des hommes [...] Hier », dit-il. Fin."),
        [
            "« Nous avons (…) perdu des hommes [...] Hier », dit-il.",
            "Fin."
        ]
    );
}

#[test]
fn missing_space_before_a_capital_is_a_boundary() {
    assert_eq!(
        split("Des formules vagues.Cette passivité dure. The bridge fell.Three died."),
        [
            "Des formules vagues.",
            "Cette passivité dure.",
            "The bridge fell.",
            "Three died."
        ]
    );
    // but not in names, acronyms, domains or after an abbreviation
    assert_eq!(
        split("Henry St.John lit lemonde.fr et ASP.NET sur www.Example.Com ou e.Vous."),
        ["Henry St.John lit lemonde.fr et ASP.NET sur www.Example.Com ou e.Vous."]
    );
}

#[test]
fn urls_and_emails_are_never_split() {
    let t = "Voir https://www.example.org/Sahel/rapport-2024.Html?Id=3 ou www.primature.gov.ml et écrire à contact@exemple.ml. Ils répondent.";
    assert_eq!(
        split(t),
        [
            "Voir https://www.example.org/Sahel/rapport-2024.Html?Id=3 ou www.primature.gov.ml et écrire à contact@exemple.ml.",
            "Ils répondent."
        ]
    );
}

#[test]
fn hard_wrapped_lines_are_joined() {
    let t = "Le ministre a annoncé\nune hausse des effectifs. Les syndicats\nprotestent.";
    assert_eq!(
        split(t),
        [
            "Le ministre a annoncé\nune hausse des effectifs.",
            "Les syndicats\nprotestent."
        ]
    );
    // after a function word or a hyphen, even before a capital
    assert_eq!(
        split("Selon le ministre de la\nDéfense, tout va bien. Les sahélo-\nsahariens doutent."),
        [
            "Selon le ministre de la\nDéfense, tout va bien.",
            "Les sahélo-\nsahariens doutent."
        ]
    );
    assert_eq!(
        split("The minister of\nDefence spoke.\nThen M.\nDupont left."),
        ["The minister of\nDefence spoke.", "Then M.\nDupont left."]
    );
}

#[test]
fn unpunctuated_lines_are_units_of_their_own() {
    let t = "Le front se déplace vers Bamako\nPar Awa Diakité, correspondante\n⏱ Temps de lecture : 8 minutes\nLe 28 octobre, le JNIM a attaqué.";
    assert_eq!(
        split(t),
        [
            "Le front se déplace vers Bamako",
            "Par Awa Diakité, correspondante",
            "⏱ Temps de lecture : 8 minutes",
            "Le 28 octobre, le JNIM a attaqué."
        ]
    );
    // list items, lines after a colon, comma-ended lines
    let t =
        "Les ONG décrivent :\n- exécutions,\n- pillages\n1. Bamako – Kayes,\nsoit trois corridors.";
    assert_eq!(
        split(t),
        [
            "Les ONG décrivent :",
            "- exécutions,",
            "- pillages",
            "1. Bamako – Kayes,",
            "soit trois corridors."
        ]
    );
    // a sentence-final period before a lower-case line still ends it, and so does an
    // initial at a line end; a title or a lower-case continuation does not
    assert_eq!(
        split("Il viendra.\non verra."),
        ["Il viendra.", "on verra."]
    );
    assert_eq!(
        split(
            "Annexe A.\nRésumé des caractéristiques\nVoir cf.\nle rapport. Selon Mme\nKeïta, non."
        ),
        [
            "Annexe A.",
            "Résumé des caractéristiques",
            "Voir cf.\nle rapport.",
            "Selon Mme\nKeïta, non."
        ]
    );
    // a spaced dash at a line end is not a hyphenated word
    assert_eq!(
        split("NANCY -\nLe conseil a voté."),
        ["NANCY -", "Le conseil a voté."]
    );
}

#[test]
fn colon_or_semicolon_before_a_capitalised_starter() {
    assert_eq!(
        split("Il a ouvert la voie : En 2021, le Mali signe. Résultat : Bamako manque de tout."),
        [
            "Il a ouvert la voie :",
            "En 2021, le Mali signe.",
            "Résultat : Bamako manque de tout."
        ]
    );
    // a heading keeps its colon
    assert_eq!(
        split("Mali : Le JNIM revendique l'attaque\nLe 28 octobre, un convoi a brûlé."),
        [
            "Mali : Le JNIM revendique l'attaque",
            "Le 28 octobre, un convoi a brûlé."
        ]
    );
    assert_eq!(
        split("Il le dit ; Les autres se taisent ; ils ont peur. Il disait : Je reste."),
        [
            "Il le dit ;",
            "Les autres se taisent ; ils ont peur.",
            "Il disait : Je reste."
        ]
    );
}

#[test]
fn stacked_terminals_and_enumerators_stay_together() {
    assert_eq!(
        split("Le spécialiste des dynamiques.. Pour beaucoup, un aveu ?! Quoi ? ! Non... ! Fin"),
        [
            "Le spécialiste des dynamiques..",
            "Pour beaucoup, un aveu ?!",
            "Quoi ? !",
            "Non... !",
            "Fin"
        ]
    );
    assert_eq!(
        split("1. Le premier point\nII. Le contexte\n… Et puis rien."),
        ["1. Le premier point", "II. Le contexte", "… Et puis rien."]
    );
}

#[test]
fn blank_lines_separate_paragraphs_and_crlf_stays_outside() {
    let t = "\u{feff}Titre\r\n\r\nUn. Deux.\r\nTrois\r\n \r\n\r\nQuatre.\r\n";
    let body = &t[3..];
    assert_eq!(split(body), ["Titre", "Un.", "Deux.", "Trois", "Quatre."]);
    assert_eq!(paragraphs(body), [0, 1, 1, 2, 3]);
    assert!(split(body).iter().all(|s| !s.contains('\r')));
    // a lone CR and the Unicode separators end lines too
    assert_eq!(
        split("Un titre\rLe texte.\u{2028}Suite\u{85}Fin"),
        ["Un titre", "Le texte.", "Suite", "Fin"]
    );
    assert!(split("").is_empty());
    assert!(split(" \n\t\u{a0}\n").is_empty());
}

#[test]
fn other_scripts_use_uax29_terminals() {
    assert_eq!(
        split("東京に行った。楽しかった！"),
        ["東京に行った。", "楽しかった！"]
    );
    assert_eq!(split("「行った。」次に"), ["「行った。」", "次に"]);
    assert_eq!(split("３．５％です。"), ["３．５％です。"]);
    assert_eq!(split("هل أنت بخير؟ نعم"), ["هل أنت بخير؟", "نعم"]);
}

#[test]
fn hard_wrapped_text_joins_full_lines_even_before_a_capital() {
    let t = "Le communiqué publié par le ministère de la Défense à Bamako cite\n\
             Assimi Goïta, qui aurait rencontré les chefs de village de la région,\n\
             une version que les habitants contestent. Les convois restent bloqués\n\
             sur la route nationale depuis le début du mois, selon les transporteurs\n\
             et les organisations humanitaires présentes dans la zone de Ségou\n\
             Il faudra des semaines pour rétablir la circulation sur cet axe vital\n\
             pour la capitale et pour tout le pays, disent les autorités maliennes.\n\
             \n\
             Un titre court\n\
             La suite du texte, qui commence un nouveau paragraphe après le titre.\n";
    assert_eq!(
        split(t),
        [
            "Le communiqué publié par le ministère de la Défense à Bamako cite\nAssimi Goïta, qui aurait rencontré les chefs de village de la région,\nune version que les habitants contestent.",
            "Les convois restent bloqués\nsur la route nationale depuis le début du mois, selon les transporteurs\net les organisations humanitaires présentes dans la zone de Ségou",
            "Il faudra des semaines pour rétablir la circulation sur cet axe vital\npour la capitale et pour tout le pays, disent les autorités maliennes.",
            "Un titre court",
            "La suite du texte, qui commence un nouveau paragraphe après le titre."
        ]
    );
}

#[test]
fn a_lower_case_starter_after_a_plain_full_stop_opens_a_sentence() {
    assert_eq!(
        split("Le match a repris tard. à la fin du match, les joueurs ont salué. il pleuvait."),
        [
            "Le match a repris tard.",
            "à la fin du match, les joueurs ont salué.",
            "il pleuvait."
        ]
    );
    assert_eq!(
        split("The vote was close. and then the count began. it ended late."),
        [
            "The vote was close.",
            "and then the count began.",
            "it ended late."
        ]
    );
    // Abbreviations, initials and closed quotes keep the lower-case word in the sentence.
    for whole in [
        "Il pleut, vente etc. et il neige.",
        "Voir av. de la Gare et cf. le rapport.",
        "« C’est faux. » a-t-il dit.",
        "He works for Acme Corp. and lives in the U.S. with his family.",
        "Some fruit, e.g. apples, and vegetables, i.e. beans.",
        "The pipeline took approx. ten days.",
    ] {
        assert_eq!(split(whole), [whole], "{whole}");
    }
}

#[test]
fn a_short_label_and_a_colon_in_a_list_item_end_no_sentence() {
    for item in [
        "- 12 mai 2004 : La commission rend son avis. Le texte est voté.",
        "- Jean Dupont : Le maire a parlé. Puis il est parti.",
        "• May 12, 2004: The committee reports. The bill passes.",
        "- John Smith: The mayor spoke. Then he left.",
    ] {
        let got = split(item);
        assert_eq!(got.len(), 2, "{item}: {got:?}");
        assert!(got[0].contains(':') && got[0].ends_with('.'), "{got:?}");
    }
    // Outside a list the colon before a sentence starter still ends one.
    assert_eq!(
        split("Les pertes sont massives : En 2021, le pays a perdu. Le reste suit."),
        [
            "Les pertes sont massives :",
            "En 2021, le pays a perdu.",
            "Le reste suit."
        ]
    );
}

#[test]
fn an_omission_mark_inside_a_quotation_ends_nothing() {
    for whole in [
        "« Nous avons tout essayé [...]. Mais rien n’a marché », a-t-il dit.",
        "« Nous avons tout essayé (…). Rien n’a marché », dit-elle.",
        "\"We tried everything [...]. Nothing worked,\" he said.",
        "“We tried everything […]. Nothing worked,” she said.",
        "« Nous avons tout essayé [...] Mais rien n’a marché », a-t-il dit.",
    ] {
        assert_eq!(split(whole), [whole], "{whole}");
    }
    // Outside a quotation the mark is only text before a full stop.
    assert_eq!(
        split("La liste continue [...]. Le reste suit."),
        ["La liste continue [...].", "Le reste suit."]
    );
}

#[test]
fn a_heading_glued_to_the_next_sentence_inside_a_line_is_cut_off() {
    // Pages flattened to one line: a run without final punctuation, then a capitalised
    // starter going on in lower case (or with a number).
    assert_eq!(
        split(
            "Les prix montent. Une économie à bout de souffle Depuis 2021, les salaires stagnent. \
             Le retour des pluies dans le nord L’une des récoltes a doublé."
        ),
        [
            "Les prix montent.",
            "Une économie à bout de souffle",
            "Depuis 2021, les salaires stagnent.",
            "Le retour des pluies dans le nord",
            "L’une des récoltes a doublé."
        ]
    );
    assert_eq!(
        split("A town without water for three weeks The taps ran dry in the north on Monday."),
        [
            "A town without water for three weeks",
            "The taps ran dry in the north on Monday."
        ]
    );
    // Capitalised starters inside names and titles stay in their sentence.
    for whole in [
        "Le ministre de l'Intérieur Le Drian a répondu hier aux questions des députés.",
        "Il a longtemps lu Le Monde diplomatique avant de fonder son journal.",
        "Dans son roman La peste, Camus décrit une ville fermée par une épidémie.",
        "Les militants du mouvement En marche ont manifesté devant la préfecture.",
        "Il a produit les albums Un homme libre et Une vie simple avant de partir.",
        "La flotte avait deux vaisseaux L'Ardent et Le Vermandois sous ses ordres.",
        "I told him that I would come back tomorrow if the weather allowed it.",
        "He said that what I'm doing is fine and that I've done my share.",
        "The band played songs like In the air tonight and other hits of the decade.",
        "He took vitamin A every day and said it made him feel much better.",
        "The song Can You Feel It was recorded in March and released in the fall.",
        // a heading needs three words, and the sentence glued to it four
        "Bilan provisoire Depuis hier soir.",
    ] {
        assert_eq!(split(whole), [whole], "{whole}");
    }
}

#[test]
fn a_pictograph_glued_to_a_terminal_opens_a_sentence() {
    assert_eq!(
        split("Le pays a sombré dans le chaos..⏱ Temps de lecture : 8 minutes"),
        [
            "Le pays a sombré dans le chaos..",
            "⏱ Temps de lecture : 8 minutes"
        ]
    );
    assert_eq!(
        split("The vote is over.📢 Results come tonight."),
        ["The vote is over.", "📢 Results come tonight."]
    );
}

#[test]
fn english_news_abbreviations_initials_and_quotes() {
    assert_eq!(
        split(
            "WASHINGTON (AP) — The U.S. Senate voted on Tuesday. It was close. \
             Mr. Smith met Dr. Brown at No. 10 Downing Street. They spoke."
        ),
        [
            "WASHINGTON (AP) — The U.S. Senate voted on Tuesday.",
            "It was close.",
            "Mr. Smith met Dr. Brown at No. 10 Downing Street.",
            "They spoke."
        ]
    );
    assert_eq!(
        split("The meeting starts at 9 a.m. and ends at 5 p.m. on Friday. George W. Bush came."),
        [
            "The meeting starts at 9 a.m. and ends at 5 p.m. on Friday.",
            "George W. Bush came."
        ]
    );
    assert_eq!(
        split(
            "\"Is this the end?\" she asked. \"We will win,\" he said. \"We always do.\" Then he left."
        ),
        [
            "\"Is this the end?\" she asked.",
            "\"We will win,\" he said.",
            "\"We always do.\"",
            "Then he left."
        ]
    );
    assert_eq!(
        split("He paused... Then he spoke. He paused... and then spoke. Ask the F.B.I. They know."),
        [
            "He paused...",
            "Then he spoke.",
            "He paused... and then spoke.",
            "Ask the F.B.I.",
            "They know."
        ]
    );
    assert_eq!(
        split(
            "She was born on Jan. 5, 1980, in St. Louis. The firm is in Washington, D.C. It grew."
        ),
        [
            "She was born on Jan. 5, 1980, in St. Louis.",
            "The firm is in Washington, D.C.",
            "It grew."
        ]
    );
}

#[test]
fn lower_case_starts_list_labels_and_omissions_on_new_text() {
    // (a) a lower-case starter after a full stop that ends a plain word
    assert_eq!(
        split(
            "Le conseil a siégé. ensuite, le maire a parlé. The court adjourned. but the jury stayed."
        ),
        [
            "Le conseil a siégé.",
            "ensuite, le maire a parlé.",
            "The court adjourned.",
            "but the jury stayed."
        ]
    );
    // (b) a date or a name before a colon in a list item
    for item in [
        "- 3 juin 1999 : Le parlement vote la loi. Elle entre en vigueur.",
        "- Awa Diakité : Elle dirige le service. Elle part en mai.",
        "* June 3, 1999: The parliament passes the law. It takes effect.",
    ] {
        let got = split(item);
        assert_eq!(got.len(), 2, "{item}: {got:?}");
        assert!(got[0].contains(':'), "{got:?}");
    }
    // (c) an omission mark in quoted speech
    for whole in [
        "« Ils ont promis […]. Rien n’est venu », dit le maire.",
        "“They promised [...]. Nothing came,” the mayor said.",
    ] {
        assert_eq!(split(whole), [whole], "{whole}");
    }
}

#[test]
fn a_clock_time_ends_a_sentence_before_a_capital_unless_it_goes_on() {
    assert_eq!(
        split("The polls closed at 8 p.m. Turnout was low. Crews left at 6:45 a.m. Rain fell."),
        [
            "The polls closed at 8 p.m.",
            "Turnout was low.",
            "Crews left at 6:45 a.m.",
            "Rain fell."
        ]
    );
    // A day, a month or a time zone goes on with the time; so does a sentence opening on it.
    for one in [
        "The hearing resumes at 10 a.m. Thursday in Room 4.",
        "Kickoff is at 7 p.m. Eastern on most channels.",
        "Voting ends at 8 p.m. GMT tomorrow.",
        "At 5 p.m. Wilson called the office.",
        "Later, by 6 p.m. Okafor had gone home.",
    ] {
        assert_eq!(split(one), [one]);
    }
    // Not a clock time: the abbreviation rule alone (a starter is needed).
    assert_eq!(
        split("See the p.m. Report below."),
        ["See the p.m. Report below."]
    );
}

#[test]
fn a_speaker_label_stays_with_the_first_sentence_of_its_turn() {
    let transcript = "Q: Why would a chef take this job?\n\
                      Okafor: Honestly, I wanted to see my kids. They eat at six.\n\
                      MR. GARVEY: Thank you, Madam Chair. We serve 14 counties.\n\
                      CHAIRWOMAN DUNMORE: The committee will come to order.\n";
    assert_eq!(
        split(transcript),
        [
            "Q: Why would a chef take this job?",
            "Okafor: Honestly, I wanted to see my kids.",
            "They eat at six.",
            "MR. GARVEY: Thank you, Madam Chair.",
            "We serve 14 counties.",
            "CHAIRWOMAN DUNMORE: The committee will come to order."
        ]
    );
    // Hansard: a name with its constituency and party, and `hon.` before its noun.
    let hansard = "Sarah Whitmore (North Dorwick) (LD): Will the Minister act? It is urgent.\n\
                   Rachel Hurst: I remind the hon. Gentleman of the figures. We act.\n";
    assert_eq!(
        split(hansard),
        [
            "Sarah Whitmore (North Dorwick) (LD): Will the Minister act?",
            "It is urgent.",
            "Rachel Hurst: I remind the hon. Gentleman of the figures.",
            "We act."
        ]
    );
    // A colon later in the line, or after a longer lead, still ends a heading before a
    // starter sentence.
    assert_eq!(
        split("The plan in short: The city pays. The state lends."),
        ["The plan in short:", "The city pays.", "The state lends."]
    );
}

#[test]
fn a_dateline_goes_on_past_its_state_and_a_byline_past_its_initial() {
    for one in [
        "SPRINGFIELD, Ill. — The council met on Tuesday.",
        "TUCSON, Ariz. (AP) — A former director was sentenced.",
        "Publié le 3 avril 2024 par Yannick L. · 8 min de lecture",
    ] {
        assert_eq!(split(one), [one]);
    }
    // After the dateline, the state's stop ends a sentence before a starter as any
    // ambiguous abbreviation does; a lone word in capitals is no state.
    assert_eq!(
        split("He moved to Salem, Ore. Then he left."),
        ["He moved to Salem, Ore.", "Then he left."]
    );
    assert_eq!(
        split("They voted for the Ore. — The mine closed."),
        ["They voted for the Ore.", "— The mine closed."]
    );
}

/// A weekday abbreviated before the day's number (a forum's or a mail's date line) ends
/// no sentence; the same letters ending a sentence elsewhere still do.
#[test]
fn an_abbreviated_weekday_before_its_date_goes_on() {
    assert_eq!(
        split("Message par Léa » lun. 9 janv. 2023 15:47"),
        ["Message par Léa » lun. 9 janv. 2023 15:47"]
    );
    assert_eq!(
        split("Posted Mon. 9 Jan. 2023. It rained."),
        ["Posted Mon. 9 Jan. 2023.", "It rained."]
    );
    assert_eq!(
        split("Ils ont longé la mer. 12 bateaux attendaient au port."),
        ["Ils ont longé la mer.", "12 bateaux attendaient au port."]
    );
}

/// A wire story's deck of bullets is no wrapped text: each bullet and the byline under
/// them stay lines of their own. A list item ending in a preposition and the `A` of
/// `Q&A` do not join the next line either; a line ending in `de la` still does.
#[test]
fn list_lines_and_kickers_keep_their_line_breaks() {
    let deck = "Dockworkers extend strike at San Antonio port\n\
                * Strike enters second week after union rejects 6% offer\n\
                * Codelco diverts some shipments to other ports - sources\n\
                * Labor minister calls talks for Wednesday\n\
                By Lucia Ferrer and Tom Hadley\n\
                November 18, 2025\n\n\
                Dockworkers at Chile's busiest port extended their strike on Monday.\n";
    let got = split(deck);
    assert!(got.contains(&"By Lucia Ferrer and Tom Hadley"), "{got:?}");
    assert!(
        got.contains(&"* Labor minister calls talks for Wednesday"),
        "{got:?}"
    );
    assert_eq!(
        split("4. Check for discounts you qualify for\nMost carriers offer them to veterans.\n"),
        [
            "4. Check for discounts you qualify for",
            "Most carriers offer them to veterans."
        ]
    );
    assert_eq!(
        split("Q&A\n“Nobody schedules a 3 a.m. visit”: a nurse on nights\n"),
        [
            "Q&A",
            "“Nobody schedules a 3 a.m. visit”: a nurse on nights"
        ]
    );
    assert_eq!(
        split("Il a rencontré le ministre de la\nDéfense hier à Bamako.\n"),
        ["Il a rencontré le ministre de la\nDéfense hier à Bamako."]
    );
}
