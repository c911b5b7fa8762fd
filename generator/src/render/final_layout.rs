//! Templates written in their final layout: Rust that depends on the spec at
//! most through doc lines (the crate's name in a doc example), so what they
//! render is already what syn and prettyplease would print, and they are
//! written as rendered, after the header (see `RenderedKind::Final`). Five
//! runtime files skip formatting this way: ~5 % of the formatting stage's
//! instructions.
//!
//! To change one, write it as prettyplease prints it: the test below fails,
//! with the first differing line, on any line that formatting would change.

/// The templates written in their final layout.
pub(super) const TEMPLATES: &[&str] = &[
    "access_token.rs",
    "signature.rs",
    "telemetry.rs",
    "webhook_config.rs",
    "webhook_layer.rs",
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::TEMPLATES;
    use crate::render::{RenderedKind, render_templates, rust_source};

    #[test]
    fn formatting_changes_nothing_in_the_final_layout_templates() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec/conversations_v1.yaml");
        let text = std::fs::read_to_string(&path).unwrap();
        let spec = crate::load::parse(&path, &text).unwrap();
        let api = crate::lower::lower(&path, &spec, &Default::default()).unwrap();
        let origin = crate::render::Origin {
            spec_name: "conversations_v1.yaml".into(),
        };
        let rendered = render_templates(&api, &origin).unwrap();
        let mut checked = 0;
        for file in &rendered {
            if !matches!(file.kind, RenderedKind::Final { .. }) {
                continue;
            }
            let as_written = format!("{}\n", file.text.trim_end_matches('\n'));
            let formatted = rust_source(&file.text, &file.template).unwrap();
            let first_difference = as_written
                .lines()
                .zip(formatted.lines())
                .position(|(a, b)| a != b);
            assert!(
                as_written == formatted,
                "{}: formatting changes line {:?} (as written {} lines, formatted {})",
                file.template,
                first_difference.map(|i| i + 1),
                as_written.lines().count(),
                formatted.lines().count(),
            );
            checked += 1;
        }
        assert_eq!(checked, TEMPLATES.len());
    }
}
