//! The parts of `init` that need no git; the git config is tested with the real binary
//! in `tests/cli/team_git.rs`.
use super::*;

#[test]
fn init_writes_project_and_attributes_once_and_keeps_other_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join(".gitattributes"), "*.png binary").unwrap();
    let first = init(root).unwrap();
    assert!(first.iter().any(|c| c.contains("glose.ron")), "{first:?}");
    let attrs = std::fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert!(attrs.starts_with("*.png binary\n"), "{attrs}");
    for l in attribute_lines() {
        assert_eq!(attrs.lines().filter(|x| *x == l).count(), 1, "{attrs}");
    }
    assert!(attrs.contains("*.[tT][xX][tT].*.ron merge=glose"));
    let project = std::fs::read_to_string(root.join("glose.ron")).unwrap();
    assert_eq!(
        project::Project::parse(&project).unwrap(),
        project::Project::default()
    );

    // A second run changes nothing, and an edited glose.ron is left alone.
    std::fs::write(root.join("glose.ron"), "(highlights: false)").unwrap();
    let second = init(root).unwrap();
    assert!(second.is_empty(), "{second:?}");
    assert_eq!(
        std::fs::read_to_string(root.join(".gitattributes")).unwrap(),
        attrs
    );
    assert_eq!(
        std::fs::read_to_string(root.join("glose.ron")).unwrap(),
        "(highlights: false)"
    );
}

#[test]
fn no_hint_without_an_attribute_naming_the_driver() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(driver_hint(dir.path()), None);
}
