//! Cue spans: opinion markers from the lexicon, plus the ones found by form — the
//! journalistic conditional, questions and exclamations in the author's voice, the author
//! speaking in the first person, and the shapes of an argument (a verdict after a colon, a
//! sentence opening on a contrast, a negated statement). Each form's weight was measured on
//! labeled text (`docs/highlighting.md`, "Cue weights").

use super::tokens::{Tok, is_clause_break, term_at};
use super::{Kind, Span};
use crate::nlp::lang::Lang;
use crate::nlp::lexicon::{Cue, Lexicon, flag};

fn span(start: usize, end: usize, rule: &'static str) -> Span {
    Span {
        start,
        end,
        kind: Kind::Cue,
        rule,
    }
}

/// Whether the word at `i` speaks to the reader (`you`, `your`, not `thank you`; French
/// `tu`, `ton`, `t'`, the familiar form of a forum or a column, not the `vous` of a public
/// service's page): the author turning to the reader argues, advises or sets a scene (`You
/// do not need a study to tell you this`, `Regarde ton contrat`). Weak evidence: of the
/// units the rules called factual with such a word and no claim, 10 of 10 English and 4
/// of 5 French ones in the development sets are opinions, but beside a figure or a date
/// (`Two hundred of you are parents`) it is factual as often as not.
fn addresses(lang: Lang, text: &str, toks: &[Tok], i: usize) -> bool {
    let w = toks[i].norm.as_str();
    match lang {
        Lang::En => {
            matches!(w, "you" | "your" | "yours" | "yourself" | "yourselves")
                && !(i > 0 && matches!(toks[i - 1].norm.as_str(), "thank" | "thanks"))
        }
        Lang::Fr => {
            matches!(w, "tu" | "ton" | "ta" | "tes" | "toi")
                || (w == "t" && text[toks[i].end..].starts_with(['\'', '’']))
        }
    }
}

/// Whether a French word ending in `-rait`/`-raient` is a conditional: the future stem
/// before the ending is one a conditional has (`-erait`, `-rrait`, `-drait`, `-vrait`,
/// `-ttrait`, `-îtrait`, `aurait`, `croirait`, `conduirait`, `dirait`), not the stem of an
/// `-rer` verb's imperfect (`entrait`, `respirait`, `déclarait`, `durait`).
pub fn is_conditional(norm: &str) -> bool {
    let Some(stem) = norm
        .strip_suffix("raient")
        .or_else(|| norm.strip_suffix("rait"))
    else {
        return false;
    };
    // Irregular `-ire` verbs, whose future stem is the infinitive less its `e`.
    const IRE: [&str; 4] = ["di", "ri", "li", "suffi"];
    stem.ends_with(['e', 'r', 'd', 'v'])
        || ["tt", "ît", "au", "oi", "ui"]
            .iter()
            .any(|e| stem.ends_with(e))
        || stem == "i"
        || IRE.iter().any(|w| stem.ends_with(w))
}

/// Whether `text[start..end]` is part of a hyphenated compound (`petits-enfants`,
/// `Beaux-Arts`, `best-seller`, `d'après-midi`): a word of it is not the word alone.
pub fn in_compound(text: &str, start: usize, end: usize) -> bool {
    let joined = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let before = text[..start]
        .strip_suffix('-')
        .map(|b| b.chars().next_back());
    let after = text[end..].strip_prefix('-').map(|a| a.chars().next());
    before.is_some_and(joined) || after.is_some_and(joined)
}

/// A one-letter word that is not an elision (`M. Dupont`, `J. Martin`): an abbreviation
/// or an initial, not `m'`/`j'`.
fn initial(text: &str, t: &Tok) -> bool {
    t.norm.len() == 1 && !text[t.end..].starts_with(['\'', '’'])
}

/// A modal of obligation followed by a passive (`devrait être livré`, `should be
/// completed`) in a sentence that gives a date: a schedule, not the author's call.
fn scheduled(toks: &[Tok], i: usize, n: usize, dated: bool) -> bool {
    let be = toks
        .get(i + n)
        .is_some_and(|t| matches!(t.norm.as_str(), "être" | "be"));
    dated && be && toks.get(i + n + 1).is_some_and(|t| !t.cap)
}

/// Whether the form of `devoir` at `i` is followed by an infinitive (`doit partir`, `ne
/// devrait pas se contenter`); without one it owes (`doit son nom à`), it does not oblige.
fn owes_not_must(toks: &[Tok], i: usize) -> bool {
    const DEVOIR: [&str; 6] = [
        "doit",
        "doivent",
        "devrait",
        "devraient",
        "devra",
        "devront",
    ];
    if !DEVOIR.contains(&toks[i].norm.as_str()) {
        return false;
    }
    const BETWEEN: [&str; 26] = [
        "ne",
        "n",
        "pas",
        "plus",
        "jamais",
        "donc",
        "aussi",
        "encore",
        "désormais",
        "toujours",
        "absolument",
        "également",
        "bien",
        "se",
        "s",
        "le",
        "la",
        "les",
        "l",
        "y",
        "en",
        "lui",
        "leur",
        "nous",
        "vous",
        "enfin",
    ];
    let next = toks[i + 1..]
        .iter()
        .take(4)
        .find(|t| !BETWEEN.contains(&t.norm.as_str()));
    !next.is_some_and(|t| {
        let w = t.norm.as_str();
        w.ends_with("er") || w.ends_with("ir") || w.ends_with("re") || w.ends_with("oir")
    })
}

/// English `should`, `must`, `ought to`: the author prescribing, where `need to` and `have
/// to` also state a constraint (`residents have to drive an hour`).
fn prescribes(lex: &Lexicon, t: &Tok) -> bool {
    lex.lang == Lang::En && matches!(t.norm.as_str(), "should" | "must" | "ought")
}

/// Words between an English first-person subject and its verb (`I really think`, `we do
/// not believe`, `I don't think`).
const STANCE_BETWEEN: [&str; 14] = [
    "really",
    "also",
    "still",
    "strongly",
    "firmly",
    "truly",
    "honestly",
    "do",
    "don",
    "t",
    "not",
    "don't",
    "genuinely",
    "simply",
];

/// Verbs of stance that are not verbs of thought in the lexicon (`I urge`, `we want`).
const STANCE: [&str; 9] = [
    "urge", "want", "suspect", "wonder", "insist", "agree", "disagree", "refuse", "regret",
];

/// States of mind after `I am`/`we are` (`I'm worried`, `we are proud`).
const EN_JUDGED: [&str; 18] = [
    "worried",
    "afraid",
    "sure",
    "convinced",
    "glad",
    "proud",
    "happy",
    "sorry",
    "confident",
    "hopeful",
    "grateful",
    "disappointed",
    "concerned",
    "delighted",
    "thrilled",
    "certain",
    "opposed",
    "skeptical",
];

/// Modals of commitment or obligation after `I`/`we` (`we will not stop`, `we must`).
const COMMITMENT: [&str; 9] = [
    "will", "won't", "must", "should", "shall", "cannot", "can't", "need", "ought",
];

/// The index of the word after the subject `toks[i]`, across at most three words of
/// `between` (clitics, negation, adverbs), none after a clause break.
fn verb_after_subject(text: &str, toks: &[Tok], i: usize, between: &[&str]) -> Option<usize> {
    let mut j = i + 1;
    while j < toks.len()
        && j <= i + 3
        && between.contains(&toks[j].norm.as_str())
        && !is_clause_break(&text[toks[j - 1].end..toks[j].start])
    {
        j += 1;
    }
    let v = toks.get(j)?;
    (!is_clause_break(&text[toks[j - 1].end..v.start])).then_some(j)
}

/// English `I`/`we` with a verb of thought or stance or a modal of commitment (`I believe`,
/// `I don't think`, `we will`, `I urge`): the speaker's own judgment or promise, where
/// the first person narrating (`I have lived here`, `we built it`) states facts. The last
/// token of the span.
fn english_stance(text: &str, toks: &[Tok], i: usize, lex: &Lexicon) -> Option<usize> {
    let t = &toks[i];
    if lex.lang != Lang::En || !matches!(t.norm.as_str(), "i" | "we") || initial_i(text, t) {
        return None;
    }
    let j = verb_after_subject(text, toks, i, &STANCE_BETWEEN)?;
    let v = &toks[j];
    let w = v.norm.as_str();
    // `I'm worried`, `we are proud`: the speaker's state of mind.
    if matches!(w, "am" | "m" | "are" | "re") {
        let judged = toks
            .get(j + 1)
            .is_some_and(|n| EN_JUDGED.contains(&n.norm.as_str()));
        return judged.then_some(j + 1);
    }
    let stance = v.is(flag::THOUGHT)
        || STANCE
            .iter()
            .any(|s| w == *s || (w.starts_with(s) && w.len() <= s.len() + 2))
        || COMMITMENT.contains(&w);
    // `won't` as two tokens, not `we won`.
    let wont = w == "won" && toks.get(j + 1).is_some_and(|n| n.norm == "t");
    (stance || wont).then_some(j)
}

/// Clitics, negation, auxiliaries and adverbs between a French first-person subject and
/// its verb (`je ne le crois pas`, `j'ai trouvé`, `nous tenons vraiment`, `je m'engage`).
const FR_BETWEEN: [&str; 26] = [
    "ne",
    "n",
    "me",
    "m",
    "te",
    "t",
    "se",
    "s",
    "le",
    "la",
    "l",
    "les",
    "lui",
    "leur",
    "y",
    "en",
    "vous",
    "nous",
    "ai",
    "avons",
    "avais",
    "avions",
    "vraiment",
    "sincèrement",
    "fermement",
    "profondément",
];

/// Beginnings of French verbs of thought, stance, wish and judgment after `je`/`nous`
/// (`je crois`, `nous voulons`, `je salue`, `je m'engage`): the speaker's own position.
const FR_STANCE: [&str; 34] = [
    "pens",
    "crois",
    "croy",
    "estim",
    "trouv",
    "jug",
    "consid",
    "veu",
    "voul",
    "souhait",
    "regrett",
    "refus",
    "exig",
    "dénonc",
    "condamn",
    "salu",
    "félicit",
    "engag",
    "espèr",
    "espér",
    "crain",
    "dout",
    "ador",
    "aim",
    "détest",
    "préfèr",
    "rêv",
    "appell",
    "appel",
    "rejett",
    "soutien",
    "conseill",
    "recommand",
    "invit",
];

/// French modals of obligation and commitment, and `être` before a judgment (`nous
/// devons`, `je vais`, `je suis convaincu`).
const FR_COMMIT: [&str; 12] = [
    "dois", "doit", "devons", "devrions", "devrais", "faut", "vais", "allons", "suis", "sommes",
    "tiens", "tenons",
];

/// Words that make `suis`/`sommes` a stance (`je suis convaincu que`), not narration (`je
/// suis passé`).
const FR_JUDGED: [&str; 14] = [
    "convaincu",
    "convaincue",
    "convaincus",
    "persuadé",
    "persuadée",
    "persuadés",
    "sûr",
    "sûre",
    "sûrs",
    "certain",
    "favorable",
    "favorables",
    "opposé",
    "opposés",
];

/// French `je`/`nous` with a verb of thought, stance or wish, or a modal of obligation
/// or commitment: the speaker's judgment or promise, where the first person narrating
/// (`j'ai une Clio de 2016`, `nous avons recruté deux praticiens`) states facts. The last
/// token of the span.
fn french_stance(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    if !matches!(toks[i].norm.as_str(), "je" | "j" | "nous") {
        return None;
    }
    let j = verb_after_subject(text, toks, i, &FR_BETWEEN)?;
    let v = &toks[j];
    let w = v.norm.as_str();
    if matches!(w, "suis" | "sommes") {
        let judged = toks
            .get(j + 1)
            .is_some_and(|n| FR_JUDGED.contains(&n.norm.as_str()));
        return judged.then_some(j + 1);
    }
    let stance =
        v.is(flag::THOUGHT) || FR_STANCE.iter().any(|s| w.starts_with(s)) || FR_COMMIT.contains(&w);
    stance.then_some(j)
}

/// `pour moi`, `selon moi`: the author's view announced.
fn opinion_moi(toks: &[Tok], i: usize) -> bool {
    toks[i].norm == "moi" && i > 0 && matches!(toks[i - 1].norm.as_str(), "pour" | "selon")
}

/// `I.` as an initial (`I. Smith`), not the pronoun.
fn initial_i(text: &str, t: &Tok) -> bool {
    text[t.end..].starts_with('.')
}

/// Cue spans of a sentence; `quoted` tells whether a byte lies inside a quotation, whose
/// words belong to the source, not the author; `dated` whether a date claim was found.
pub fn cues(
    text: &str,
    start: usize,
    end: usize,
    toks: &[Tok],
    lex: &Lexicon,
    quoted: &dyn Fn(usize) -> bool,
    dated: bool,
) -> Vec<Span> {
    let mut out = Vec::new();
    let mut addressed = false;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if quoted(t.start) {
            i += 1;
            continue;
        }
        if !addressed && addresses(lex.lang, text, toks, i) {
            out.push(span(t.start, t.end, "address"));
            addressed = true;
        }
        if let Some((n, cue)) = term_at(toks, i, &lex.cues, flag::CUE_FIRST) {
            let month = n == 1 && t.cap && i > 0 && t.is(flag::MONTH);
            let schedule = cue == Cue::Deontic && scheduled(toks, i, n, dated);
            let owes = cue == Cue::Deontic && n == 1 && owes_not_must(toks, i);
            let not_a_cue = schedule
                || owes
                || month
                || in_compound(text, t.start, toks[i + n - 1].end)
                || super::senses::neutral(lex.lang, text, toks, i, n, cue);
            if !not_a_cue {
                let rule = if cue == Cue::Deontic && prescribes(lex, t) {
                    "prescription"
                } else {
                    cue.rule()
                };
                out.push(span(t.start, toks[i + n - 1].end, rule));
            }
            i += n;
            continue;
        }
        let stance = match lex.lang {
            Lang::En => english_stance(text, toks, i, lex),
            Lang::Fr => french_stance(text, toks, i),
        };
        if let Some(j) = stance {
            out.push(span(t.start, toks[j].end, "first-person"));
            i = j + 1;
            continue;
        }
        if lex.lang == Lang::Fr
            && is_conditional(&t.norm)
            && t.norm.chars().count() >= 6
            && !t.is(flag::NOT_CONDITIONAL)
        {
            out.push(span(t.start, t.end, "conditional"));
        } else if t.is(flag::FIRST_PERSON) && !t.is(flag::FUNCTION) && !initial(text, t) {
            // French `je`/`nous` without a stance verb: the first person narrating, weak
            // evidence that only counts where nothing checkable competes with it.
            let strong = opinion_moi(toks, i);
            let rule = if strong {
                "first-person"
            } else {
                "first-person-weak"
            };
            out.push(span(t.start, t.end, rule));
        }
        i += 1;
    }
    if let Some((a, b)) = super::predicative::find(lex.lang, toks)
        && !quoted(a)
    {
        out.push(span(a, b, "predicative"));
    }
    let imperative = super::imperative::opening(lex.lang, text, toks);
    if let Some((a, b)) = imperative
        && !quoted(a)
    {
        out.push(span(a, b, "call-to-action"));
    }
    out.extend(argument_shapes(text, end, toks, quoted));
    let tail =
        text[..end].trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '”' | '"'));
    for (mark, rule) in [('?', "question"), ('!', "exclamation")] {
        // A unit made only of closing marks must not reach back into the sentence before.
        if tail.len() > start && tail.ends_with(mark) && !quoted(tail.len() - 1) {
            out.push(span(tail.len() - 1, tail.len(), rule));
        }
    }
    out
}

/// A verdict on how a thing was made or done: `bien`/`mal`, `poorly` before a participle
/// that qualifies a noun (`courte mais bien pensée`, `une défense bien organisée`, `mal
/// conçu`, `poorly designed`). After an auxiliary or a pronoun, `bien` confirms a fact
/// (`elle a bien reçu`, `ils sont bien arrivés`), and `badly` measures harm (`badly
/// damaged`): neither is one.
fn manner(toks: &[Tok], k: usize) -> bool {
    let (Some(t), Some(p)) = (toks.get(k), toks.get(k + 1)) else {
        return false;
    };
    let fr = matches!(t.norm.as_str(), "bien" | "mal") && !p.norm.ends_with("ment");
    let en = t.norm == "poorly";
    let participle = if en {
        p.norm.ends_with("ed") || p.norm.ends_with("en")
    } else {
        [
            "é", "ée", "és", "ées", "ie", "ies", "ue", "ues", "uit", "uite", "uits",
        ]
        .iter()
        .any(|e| p.norm.ends_with(e))
    };
    let confirms = k > 0 && (toks[k - 1].is(flag::AUX) || toks[k - 1].is(flag::SUBJECT));
    (fr || en)
        && participle
        && !confirms
        && !p.cap
        && !p.is(flag::FUNCTION)
        && p.norm.chars().count() > 3
}

/// Whether the end of `before` lies inside an open bracket.
fn in_brackets(before: &str) -> bool {
    let open = before.matches(['(', '[']).count();
    let close = before.matches([')', ']']).count();
    open > close
}

/// Shapes of an argument in the author's voice: a colon inside the sentence that opens an
/// explanation or a verdict (`Le constat est simple : …`), a sentence opening on a
/// contrast (`Mais`, `Or`, `Yet`), a negated statement (`n'est pas`, `ne … plus`, `is
/// not`, `no longer`).
fn argument_shapes(
    text: &str,
    end: usize,
    toks: &[Tok],
    quoted: &dyn Fn(usize) -> bool,
) -> Vec<Span> {
    let mut out = Vec::new();
    let Some(first) = toks.first() else {
        return out;
    };
    if matches!(
        first.norm.as_str(),
        "mais" | "or" | "pourtant" | "but" | "yet"
    ) && first.cap
        && toks.len() > 3
    {
        out.push(span(first.start, first.end, "contrast"));
    }
    // A colon between two words, in the author's voice, with words after it, outside
    // brackets (`(en anglais : …)`, `(literally: …)` gloss a word, they do not argue),
    // and not inside a clock time or a score (`8:30`, `3:2`).
    let sentence = toks[0].start;
    for k in 1..toks.len().saturating_sub(1) {
        let gap = &text[toks[k - 1].end..toks[k].start];
        if gap.as_bytes().contains(&b':')
            && gap.trim() == ":"
            && !(toks[k - 1].digit && toks[k].digit)
            && !quoted(toks[k].start)
            && toks.len() - k >= 2
            && !in_brackets(&text[sentence..toks[k].start])
        {
            let at = toks[k - 1].end + gap.find(':').unwrap_or(0);
            out.push(span(at, at + 1, "colon"));
            break;
        }
    }
    let norm = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    if let Some(k) = (0..toks.len()).find(|&k| manner(toks, k) && !quoted(toks[k].start)) {
        out.push(span(toks[k].start, toks[k + 1].end, "evaluative"));
    }
    for k in 0..toks.len() {
        if quoted(toks[k].start) {
            continue;
        }
        let w = norm(k);
        let same =
            |j: usize| (k + 1..=j).all(|m| !is_clause_break(&text[toks[m - 1].end..toks[m].start]));
        let hit = match w {
            "ne" | "n" => (k + 1..(k + 4).min(toks.len()))
                .find(|&j| {
                    norm(j) == "plus"
                        || (norm(j) == "pas"
                            && matches!(norm(k + 1), "est" | "sont" | "était" | "étaient"))
                })
                .filter(|&j| same(j)),
            "is" | "are" | "was" | "were" => (norm(k + 1) == "not"
                || (norm(k + 1) == "no" && norm(k + 2) == "longer"))
                .then_some(k + 1),
            "isn" | "aren" | "wasn" | "weren" => (norm(k + 1) == "t").then_some(k + 1),
            "isn't" | "aren't" | "wasn't" | "weren't" => Some(k),
            "no" => (norm(k + 1) == "longer").then_some(k + 1),
            _ => None,
        };
        if let Some(j) = hit {
            out.push(span(toks[k].start, toks[j].end.min(end), "negation"));
            break;
        }
    }
    out
}
