use super::*;
use proptest::prelude::*;

const N: u8 = NONE;

fn close(a: Option<f64>, b: f64) {
    let a = a.expect("figure is defined");
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
/// observers, twelve units, nominal values 1–5 with missing values; α = 0.743.
/// Exactly 113/152 (computed with Python fractions from the same table).
#[test]
fn krippendorff_2011_nominal_example_with_missing_values() {
    let obs: [[u8; 12]; 4] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ];
    let mut t = Tally::new(4, 5);
    for u in 0..12 {
        let codes: Vec<u8> = obs
            .iter()
            .map(|o| if o[u] == N { N } else { o[u] - 1 })
            .collect();
        t.add(&codes);
    }
    let f = t.figures();
    assert_eq!(
        f.items, 11,
        "unit 12 has a single value and is not pairable"
    );
    assert_eq!(t.singles(), 1);
    close(f.krippendorff_alpha, 113.0 / 152.0);
    assert!((f.krippendorff_alpha.unwrap() - 0.743).abs() < 5e-4);
}

/// The worked example of Fleiss' κ on Wikipedia (10 subjects, 14 raters, 5 categories):
/// P̄ = 0.378, P̄e = 0.213, κ = 0.210; exactly 4211/20059 (Python fractions).
#[test]
fn fleiss_kappa_wikipedia_worked_example() {
    let table: [[u32; 5]; 10] = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let mut t = Tally::new(14, 5);
    for row in &table {
        t.add_counts(row);
    }
    let f = t.figures();
    assert_eq!(f.items, 10);
    close(f.fleiss_kappa, 4211.0 / 20059.0);
    close(f.observed, 0.378_021_978_021_978);
}

/// Fleiss (1971), "Measuring nominal scale agreement among many raters", Table 1: 30
/// patients, 6 psychiatrists each, 5 diagnoses; κ = .430 in the paper. Exactly
/// 5437/12637 (Python fractions on the same table); P̄ = 5/9.
#[test]
fn fleiss_1971_table_1() {
    let table: [[u32; 5]; 30] = [
        [0, 0, 0, 6, 0],
        [0, 3, 0, 0, 3],
        [0, 1, 4, 0, 1],
        [0, 0, 0, 0, 6],
        [0, 3, 0, 3, 0],
        [2, 0, 4, 0, 0],
        [0, 0, 4, 0, 2],
        [2, 0, 3, 1, 0],
        [2, 0, 0, 4, 0],
        [0, 0, 0, 0, 6],
        [1, 0, 0, 5, 0],
        [1, 1, 0, 4, 0],
        [0, 3, 3, 0, 0],
        [1, 0, 0, 5, 0],
        [0, 2, 0, 3, 1],
        [0, 0, 5, 0, 1],
        [3, 0, 0, 1, 2],
        [5, 1, 0, 0, 0],
        [0, 2, 0, 4, 0],
        [1, 0, 2, 0, 3],
        [0, 0, 0, 0, 6],
        [0, 1, 0, 5, 0],
        [0, 2, 0, 1, 3],
        [2, 0, 0, 4, 0],
        [1, 0, 0, 4, 1],
        [0, 5, 0, 1, 0],
        [4, 0, 0, 0, 2],
        [0, 2, 0, 4, 0],
        [1, 0, 5, 0, 0],
        [0, 0, 0, 0, 6],
    ];
    let mut t = Tally::new(6, 5);
    for row in &table {
        t.add_counts(row);
    }
    let f = t.figures();
    assert_eq!(f.items, 30);
    close(f.observed, 5.0 / 9.0);
    close(f.fleiss_kappa, 5437.0 / 12637.0);
    assert_eq!(format!("{:.3}", f.fleiss_kappa.unwrap()), "0.430");
}

/// Cohen's κ, the worked example on Wikipedia: 50 proposals, both yes 20, a yes / b no 5,
/// a no / b yes 10, both no 15: p_o = 0.7, p_e = 0.5, κ = 0.4 exactly.
#[test]
fn cohen_kappa_wikipedia_worked_example() {
    let mut t = Tally::new(2, 2);
    for (a, b, n) in [(0, 0, 20), (0, 1, 5), (1, 0, 10), (1, 1, 15)] {
        for _ in 0..n {
            t.add(&[a, b]);
        }
    }
    let p = t.pair(0, 1);
    assert_eq!(p.n, 50);
    assert_eq!(p.confusion, vec![vec![20, 5], vec![10, 15]]);
    close(p.observed, 0.7);
    close(p.cohen_kappa, 0.4);
    // With two raters, observed agreement of the group is the pair's.
    close(t.figures().observed, 0.7);
}

#[test]
fn undefined_figures_are_none_not_nan() {
    let mut t = Tally::new(2, 4);
    assert_eq!(t.figures().observed, None);
    for _ in 0..5 {
        t.add(&[1, 1]);
    }
    let f = t.figures();
    close(f.observed, 1.0);
    assert_eq!(f.fleiss_kappa, None);
    assert_eq!(f.krippendorff_alpha, None);
    assert_eq!(t.pair(0, 1).cohen_kappa, None);
}

#[test]
fn pair_index_enumerates_pairs_in_order() {
    let t = Tally::new(5, 4);
    let mut i = 0;
    for a in 0..5 {
        for b in a + 1..5 {
            assert_eq!(t.pair_index(a, b), i);
            i += 1;
        }
    }
}

/// Direct textbook formulas on a raters × items matrix, written independently of
/// [`Tally`] (no shared code): Krippendorff by pairable values, Cohen by marginals.
fn naive_alpha(rows: &[Vec<u8>], k: usize) -> Option<f64> {
    let mut pairable: Vec<Vec<u8>> = Vec::new();
    for r in rows {
        let v: Vec<u8> = r.iter().copied().filter(|&c| c != N).collect();
        if v.len() >= 2 {
            pairable.push(v);
        }
    }
    let n: f64 = pairable.iter().map(|v| v.len() as f64).sum();
    let mut do_ = 0.0;
    for v in &pairable {
        let m = v.len() as f64;
        for i in 0..v.len() {
            for j in 0..v.len() {
                if i != j && v[i] != v[j] {
                    do_ += 1.0 / (m - 1.0);
                }
            }
        }
    }
    let mut nc = vec![0.0; k];
    for v in &pairable {
        for &c in v {
            nc[c as usize] += 1.0;
        }
    }
    let mut de = 0.0;
    for a in 0..k {
        for b in 0..k {
            if a != b {
                de += nc[a] * nc[b];
            }
        }
    }
    (de > 0.0).then(|| 1.0 - (n - 1.0) * do_ / de)
}

fn naive_cohen(rows: &[Vec<u8>], a: usize, b: usize, k: usize) -> Option<f64> {
    let both: Vec<(u8, u8)> = rows
        .iter()
        .filter(|r| r[a] != N && r[b] != N)
        .map(|r| (r[a], r[b]))
        .collect();
    let n = both.len() as f64;
    if both.is_empty() {
        return None;
    }
    let po = both.iter().filter(|(x, y)| x == y).count() as f64 / n;
    let pe: f64 = (0..k as u8)
        .map(|c| {
            let pa = both.iter().filter(|(x, _)| *x == c).count() as f64 / n;
            let pb = both.iter().filter(|(_, y)| *y == c).count() as f64 / n;
            pa * pb
        })
        .sum();
    ((1.0 - pe).abs() > 1e-15).then(|| (po - pe) / (1.0 - pe))
}

fn rows_strategy() -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(
        prop::collection::vec(prop_oneof![Just(N), 0..crate::Label::COUNT as u8], 3),
        1..60,
    )
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

proptest! {
    #[test]
    fn tally_matches_direct_formulas(rows in rows_strategy()) {
        let mut t = Tally::new(3, crate::Label::COUNT);
        for r in &rows {
            t.add(r);
        }
        prop_assert!(same(t.figures().krippendorff_alpha, naive_alpha(&rows, crate::Label::COUNT)));
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            prop_assert!(same(t.pair(a, b).cohen_kappa, naive_cohen(&rows, a, b, crate::Label::COUNT)));
        }
    }

    #[test]
    fn tallies_of_parts_add_up_to_the_whole(rows in rows_strategy(), cut in 0usize..60) {
        let cut = cut.min(rows.len());
        let (mut whole, mut left, mut right) =
            (Tally::new(3, crate::Label::COUNT), Tally::new(3, crate::Label::COUNT), Tally::new(3, crate::Label::COUNT));
        for (i, r) in rows.iter().enumerate() {
            whole.add(r);
            if i < cut { left.add(r) } else { right.add(r) }
        }
        right.merge(&left);
        // Integer counts: the order of addition changes nothing, to the last bit.
        prop_assert_eq!(&right, &whole);
        prop_assert_eq!(right.figures(), whole.figures());
    }
}
