use super::*;

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("news/{i:03}.txt")).collect()
}

fn names(list: &str) -> Vec<String> {
    list.split(',').map(str::to_string).collect()
}

fn check_balanced(plan: &Plan, k: usize, annotators: &[String]) {
    for (id, who) in &plan.articles {
        assert_eq!(who.len(), k, "{id}: {who:?}");
        let mut d = who.clone();
        d.sort();
        d.dedup();
        assert_eq!(d.len(), k, "{id} has a repeated annotator: {who:?}");
    }
    let loads = plan.loads();
    let all: Vec<usize> = annotators
        .iter()
        .map(|a| loads.get(a.as_str()).copied().unwrap_or(0))
        .collect();
    let (min, max) = (all.iter().min().unwrap(), all.iter().max().unwrap());
    assert!(max - min <= 1, "loads {loads:?}");
}

#[test]
fn forty_articles_five_annotators_two_each_balanced_stable_and_extended_in_place() {
    let five = names("ana,ben,cleo,dan,eve");
    let mut plan = Plan::default();
    assert_eq!(plan.extend(&ids(40), &five, 2, 7).unwrap(), 80);
    check_balanced(&plan, 2, &five);
    assert_eq!(
        plan.loads().values().copied().collect::<Vec<_>>(),
        vec![16; 5]
    );

    // A second run, and a fresh plan with the same seed, give the same plan.
    let before = plan.clone();
    assert_eq!(plan.extend(&ids(40), &five, 2, 7).unwrap(), 0);
    assert_eq!(plan, before);
    let mut fresh = Plan::default();
    fresh.extend(&ids(40), &five, 2, 7).unwrap();
    assert_eq!(fresh, before);

    // Ten more articles: nothing already planned moves.
    assert_eq!(plan.extend(&ids(50), &five, 2, 7).unwrap(), 20);
    for (id, who) in &before.articles {
        assert_eq!(&plan.articles[id], who, "{id} moved");
    }
    check_balanced(&plan, 2, &five);
    assert_eq!(plan.articles.len(), 50);
}

#[test]
fn another_seed_gives_another_plan() {
    let five = names("ana,ben,cleo,dan,eve");
    let (mut a, mut b) = (Plan::default(), Plan::default());
    a.extend(&ids(40), &five, 2, 1).unwrap();
    b.extend(&ids(40), &five, 2, 2).unwrap();
    assert_ne!(a, b);
}

#[test]
fn a_new_annotator_takes_new_articles_without_moving_old_ones() {
    let mut plan = Plan::default();
    plan.extend(&ids(10), &names("ana,ben,cleo"), 2, 0).unwrap();
    let before = plan.clone();
    plan.extend(&ids(14), &names("ana,ben,cleo,dan"), 2, 0)
        .unwrap();
    for (id, who) in &before.articles {
        assert_eq!(&plan.articles[id], who);
    }
    // dan had no load: every new article goes to him first.
    for id in &ids(14)[10..] {
        assert!(plan.is_assigned(id, "dan"), "{id}: {:?}", plan.articles[id]);
    }
}

#[test]
fn per_article_must_fit_the_annotators() {
    let mut plan = Plan::default();
    let e = plan.extend(&ids(3), &names("ana,ben"), 3, 0).unwrap_err();
    assert!(e.to_string().contains("--per-article 3"), "{e}");
    assert!(plan.extend(&ids(3), &names("ana,ben"), 0, 0).is_err());
}

#[test]
fn the_file_is_one_article_a_line_and_reads_back() {
    let mut plan = Plan::default();
    plan.extend(&ids(3), &names("ana,ben,cleo"), 2, 0).unwrap();
    let text = plan.to_ron();
    assert_eq!(
        text.lines().filter(|l| l.contains(".txt")).count(),
        3,
        "{text}"
    );
    assert_eq!(Plan::parse(&text).unwrap(), plan);
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Plan::load(dir.path()).unwrap(), None);
    plan.save(dir.path()).unwrap();
    assert_eq!(Plan::load(dir.path()).unwrap(), Some(plan));
    std::fs::write(
        dir.path().join(PLAN_FILE),
        "(schema: 1, articles: {\"a\": [1]})",
    )
    .unwrap();
    let e = Plan::load(dir.path()).unwrap_err().to_string();
    assert!(e.contains(PLAN_FILE) && e.contains("1:"), "{e}");
}

#[test]
fn queue_lists_an_annotators_articles_in_order() {
    let mut plan = Plan::default();
    plan.articles.insert("b.txt".into(), names("ana,ben"));
    plan.articles.insert("a.txt".into(), names("ben,cleo"));
    plan.articles.insert("c.txt".into(), names("ana,cleo"));
    assert_eq!(plan.queue("ana"), vec!["b.txt", "c.txt"]);
    assert_eq!(plan.queue("ben"), vec!["a.txt", "b.txt"]);
    assert!(plan.queue("zoe").is_empty());
}

#[test]
fn plans_extended_apart_merge_and_a_moved_article_is_a_conflict() {
    let mut base = Plan::default();
    base.articles.insert("a.txt".into(), names("ana,ben"));
    let mut ours = base.clone();
    ours.articles.insert("b.txt".into(), names("ben,cleo"));
    let mut theirs = base.clone();
    theirs.articles.insert("c.txt".into(), names("ana,cleo"));
    let m = merge_plans(&base, &ours, &theirs).unwrap();
    assert_eq!(m.articles.len(), 3);
    assert_eq!(m.articles["c.txt"], names("ana,cleo"));
    theirs.articles.insert("b.txt".into(), names("ana,cleo"));
    let e = merge_plans(&base, &ours, &theirs).unwrap_err();
    assert!(
        matches!(&e, PlanError::Conflict { id, .. } if id == "b.txt"),
        "{e}"
    );
    assert!(e.to_string().contains("b.txt"), "{e}");
}

#[test]
fn progress_counts_assigned_labeled_fully_labeled_and_ready() {
    let mut plan = Plan::default();
    plan.articles.insert("a.txt".into(), names("ana,ben"));
    plan.articles.insert("b.txt".into(), names("ana,cleo"));
    let full_a: BTreeMap<String, usize> = [("ana".into(), 3), ("ben".into(), 3)].into();
    let part_b: BTreeMap<String, usize> = [("ana".into(), 1)].into();
    let done = crate::model::sidecar::DocStatus::Done {
        at: "2026-01-01T00:00:00.000Z".into(),
    };
    let flagged = crate::model::sidecar::DocStatus::Flagged {
        reason: "unsure".into(),
        at: "2026-01-01T00:00:00.000Z".into(),
    };
    let status_a: BTreeMap<String, _> = [("ana".into(), done.clone()), ("ben".into(), done)].into();
    let status_b: BTreeMap<String, _> = [("ana".into(), flagged)].into();
    let p = progress(
        &plan,
        [
            ("a.txt", 3, &full_a, &status_a),
            ("b.txt", 4, &part_b, &status_b),
        ],
    );
    assert_eq!(p.planned, 2);
    assert_eq!(p.done_by_all, 1);
    assert_eq!(p.per_annotator["ana"].done, 1, "a flag is not done");
    assert_eq!(p.per_annotator["ben"].done, 1);
    assert_eq!(p.per_annotator["cleo"].done, 0);
    assert_eq!(p.ready_for_review, 1);
    let c = |n: &str| p.per_annotator[n];
    assert_eq!(
        (c("ana").assigned, c("ana").labeled, c("ana").fully_labeled),
        (2, 2, 1)
    );
    assert_eq!(
        (c("ben").assigned, c("ben").labeled, c("ben").fully_labeled),
        (1, 1, 1)
    );
    assert_eq!(
        (
            c("cleo").assigned,
            c("cleo").labeled,
            c("cleo").fully_labeled
        ),
        (1, 0, 0)
    );
}

#[test]
fn next_in_queue_follows_the_queue_skipping_finished_and_wrapping() {
    let mut plan = Plan::default();
    for id in ["a.txt", "b.txt", "c.txt", "d.txt"] {
        plan.articles.insert(id.into(), names("ana,ben"));
    }
    plan.articles.insert("e.txt".into(), names("ben,cleo"));
    let none = |_: &str| false;
    assert_eq!(plan.next_in_queue("ana", None, none), Some("a.txt"));
    assert_eq!(
        plan.next_in_queue("ana", Some("a.txt"), none),
        Some("b.txt")
    );
    assert_eq!(
        plan.next_in_queue("ana", Some("e.txt"), none),
        Some("a.txt"),
        "not queued"
    );
    let b_done = |id: &str| id == "b.txt";
    assert_eq!(
        plan.next_in_queue("ana", Some("a.txt"), b_done),
        Some("c.txt")
    );
    assert_eq!(
        plan.next_in_queue("ana", Some("d.txt"), none),
        Some("a.txt"),
        "wraps"
    );
    assert_eq!(
        plan.next_in_queue("ana", Some("c.txt"), |id| id != "c.txt"),
        None
    );
    assert_eq!(plan.next_in_queue("zoe", None, none), None);
}
