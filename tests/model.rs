//! Model-level tests through the library: segmentation, highlights, suggestions, sidecars under races, alignment, agreement and its cache, adjudication, export properties.
//! One binary per test level; each module is a file under `tests/model/`.

#[path = "model/adjudicate.rs"]
mod adjudicate;
#[path = "model/agree_align.rs"]
mod agree_align;
#[path = "model/agree_cache.rs"]
mod agree_cache;
#[path = "model/analysis_props.rs"]
mod analysis_props;
#[path = "model/attribution_classes.rs"]
mod attribution_classes;
#[path = "model/config_fuzz.rs"]
mod config_fuzz;
#[path = "model/cue_counts.rs"]
mod cue_counts;
#[path = "model/english_classes.rs"]
mod english_classes;
#[path = "model/export_props.rs"]
mod export_props;
#[path = "model/fuzz_props.rs"]
mod fuzz_props;
#[path = "model/highlight.rs"]
mod highlight;
#[path = "model/huge_unit.rs"]
mod huge_unit;
#[path = "model/quote_classes.rs"]
mod quote_classes;
#[path = "model/segment_accuracy.rs"]
mod segment_accuracy;
#[path = "model/segment_props.rs"]
mod segment_props;
#[path = "model/segment_rules.rs"]
mod segment_rules;
#[path = "model/sidecar_race.rs"]
mod sidecar_race;
#[path = "model/suggest.rs"]
mod suggest;
#[path = "model/suggest_classes.rs"]
mod suggest_classes;
#[path = "model/suggest_model.rs"]
mod suggest_model;
#[path = "model/suggest_opinion.rs"]
mod suggest_opinion;
mod support;
