//! The `config.ron` fuzz target's generator and properties, run by proptest on stable
//! (`fuzz/fuzz_targets/config.rs` drives the same ones under libFuzzer).

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_generated_config_parses_or_fails_cleanly(data in proptest::collection::vec(any::<u8>(), 0..256)) {
        glose::config_input::check(&data);
    }
}

/// The generator reaches past the first byte: known fields parse, and values with escape
/// sequences get to the checks that quote them in messages (where they must be made safe).
#[test]
fn the_generator_reaches_fields_values_and_hostile_names() {
    let mut ok = 0;
    let mut hostile = 0;
    for seed in 0u32..3000 {
        let data: Vec<u8> = (0..64)
            .map(|i| (seed.wrapping_mul(2_654_435_761).rotate_left(i) >> 3) as u8)
            .collect();
        if let Some(cfg) = glose::config_input::check(&data) {
            ok += 1;
            let values = [&cfg.keymap, &cfg.language];
            hostile += usize::from(
                values
                    .iter()
                    .any(|v| v.as_ref().is_some_and(|v| v.contains('\u{1b}'))),
            );
        }
    }
    assert!(ok > 30, "{ok} of 3000 parse");
    assert!(
        hostile > 5,
        "{hostile} parsed configs hold an ESC in a checked value"
    );
}
