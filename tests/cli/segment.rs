//! `glose segment FILE --json`: the printed offsets slice the file to the printed text.

use crate::support::cli::glose;

/// What `glose ARGS` prints on stdout with `stdin` as input, `GLOSE_TIMING` set to
/// `timing`; it must succeed.
fn stdout_of(dirs: &tempfile::TempDir, args: &[&str], timing: &str, stdin: &str) -> Vec<u8> {
    glose(dirs)
        .args(args)
        .env("GLOSE_TIMING", timing)
        .write_stdin(stdin)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn json_offsets_slice_the_file_to_the_printed_text() {
    let dirs = tempfile::tempdir().unwrap();
    let text = "\u{feff}Le front se déplace\r\n\r\n« Nous ne partirons pas. » Les troupes\r\nrestent. Selon M. Dupont, c'est fini.\r\n";
    let path = dirs.path().join("article.txt");
    std::fs::write(&path, text).unwrap();
    let out = glose(&dirs)
        .args(["segment", "--json"])
        .arg(&path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let lines = json_lines(&out);
    let bytes = text.as_bytes();
    let mut got = Vec::new();
    for v in &lines {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            std::str::from_utf8(&bytes[s..e]).unwrap(),
            v["text"].as_str().unwrap()
        );
        got.push(v["text"].as_str().unwrap().to_string());
    }
    assert_eq!(
        got,
        [
            "Le front se déplace",
            "« Nous ne partirons pas. »",
            "Les troupes\r\nrestent.",
            "Selon M. Dupont, c'est fini."
        ]
    );
}

#[test]
fn stdin_and_timing() {
    let dirs = tempfile::tempdir().unwrap();
    let out = glose(&dirs)
        .args(["segment", "-", "--json"])
        .env("GLOSE_TIMING", "1")
        .write_stdin("Il pleut.Il vente.")
        .assert()
        .success()
        .get_output()
        .clone();
    let texts: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|v| v["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Il pleut.", "Il vente."]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.lines().any(|l| l
            .strip_prefix("elapsed_ns=")
            .is_some_and(|n| n.parse::<u64>().is_ok())),
        "{err}"
    );
}

/// The timing's untimed warm-up leaves the sentences printed as they are without it.
#[test]
fn timing_changes_nothing_printed_on_stdout() {
    let dirs = tempfile::tempdir().unwrap();
    let text = "Mali : attaque\n\nM. Diallo a dit : « Fin. » Il part.\nUne ligne\ncoupée. Dr. Who.";
    let run = |timing| stdout_of(&dirs, &["segment", "-", "--json"], timing, text);
    let timed = run("1");
    assert_eq!(timed, run("0"));
    assert!(json_lines(&timed).len() >= 4);
}

/// Plain output goes to terminals: an escape sequence in the article is shown, not obeyed.
/// JSON gives the exact text.
#[test]
fn plain_output_shows_control_characters_json_keeps_them() {
    let dirs = tempfile::tempdir().unwrap();
    let text = "Texte \u{1b}[31mrouge\u{1b}[0m. Fin\u{7}.";
    let run = |args: &[&str]| stdout_of(&dirs, args, "0", text);
    let plain = String::from_utf8(run(&["segment", "-"])).unwrap();
    assert_eq!(plain, "Texte ␛[31mrouge␛[0m.\nFin␇.\n");
    let texts: Vec<String> = json_lines(&run(&["segment", "-", "--json"]))
        .iter()
        .map(|v| v["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(texts, ["Texte \u{1b}[31mrouge\u{1b}[0m.", "Fin\u{7}."]);
}

#[test]
fn plain_output_puts_each_sentence_on_one_line() {
    let dirs = tempfile::tempdir().unwrap();
    glose(&dirs)
        .args(["segment", "-"])
        .write_stdin("Le ministre a annoncé\nune hausse. Fin.")
        .assert()
        .success()
        .stdout("Le ministre a annoncé une hausse.\nFin.\n");
}
