//! Refinements: a response property one spec types where the other leaves
//! it open is listed apart from the differences and never counts toward the
//! release (`fixtures/compare/refinements/`), and our spec's refinements of
//! Twilio's file are exactly the fields Twilio leaves open.

use std::collections::BTreeSet;

use codegen::compare::{
    self, Body, Change, Facts, Kind, Method, OperationKey, Part, Presence, Refinement, Release,
    Subject, Type,
};

use super::{additive, breaking, integer, lines, op, pair, path, string};

fn object() -> Type {
    Type {
        has_properties: true,
        ..Type::of(Kind::Object)
    }
}

fn refinement(
    subject: &Subject,
    part: Part,
    at: &str,
    typed: Type,
    open: Type,
    inside: usize,
) -> Refinement {
    Refinement {
        subject: subject.clone(),
        part,
        path: path(at),
        from: typed,
        to: open,
        inside,
    }
}

#[test]
fn typing_an_open_response_property_is_a_refinement_not_a_difference() {
    let report = pair("refinements");
    let list = op(Method::Get, "/v1/Parcels", "ListParcel");
    let create = op(Method::Post, "/v1/Parcels", "CreateParcel");
    let photo_map = Type {
        map_values: Some(Box::new(object())),
        ..Type::of(Kind::Object)
    };
    let open_map = Type {
        map_values: Some(Box::new(Type::of(Kind::Any))),
        ..Type::of(Kind::Object)
    };
    let mut expected = Vec::new();
    for (subject, part) in [(&list, Part::Item), (&create, Part::Response)] {
        expected.extend([
            refinement(
                subject,
                part,
                "extras",
                photo_map.clone(),
                open_map.clone(),
                2,
            ),
            refinement(
                subject,
                part,
                "photos",
                Type::array_of(object()),
                Type::array_of(Type::of(Kind::Any)),
                2,
            ),
            refinement(subject, part, "route", object(), Type::of(Kind::Any), 4),
            refinement(
                subject,
                part,
                "scans",
                Type::array_of(object()),
                Type::of(Kind::Array),
                2,
            ),
            refinement(subject, part, "weight", object(), Type::of(Kind::Object), 1),
        ]);
    }
    assert_eq!(report.refinements, expected);
    assert!(report.refinements.iter().all(Refinement::typed_in_first));

    // What still differs: a contradiction (`string` where the other says
    // `object`), a plain retype, the nullability of a refined property, and
    // a typed request body property, which is what the app sends.
    let weight = |subject: &Subject, part| {
        additive(
            subject,
            Change::PropertyNullability {
                part,
                path: path("weight"),
                from: Presence {
                    required: false,
                    nullable: true,
                },
                to: Presence {
                    required: false,
                    nullable: false,
                },
            },
        )
    };
    let retyped = |subject: &Subject, part, at: &str, from: Type, to: Type| {
        breaking(
            subject,
            Change::PropertyRetyped {
                part,
                path: path(at),
                from,
                to,
            },
        )
    };
    let notes =
        |subject: &Subject, part| retyped(subject, part, "notes", string(), Type::of(Kind::Object));
    let tags = |subject: &Subject, part| {
        retyped(
            subject,
            part,
            "tags",
            Type::array_of(string()),
            Type::array_of(integer()),
        )
    };
    let differences = vec![
        notes(&list, Part::Item),
        tags(&list, Part::Item),
        weight(&list, Part::Item),
        retyped(
            &create,
            Part::Request,
            "label",
            object(),
            Type::of(Kind::Any),
        ),
        notes(&create, Part::Response),
        tags(&create, Part::Response),
        weight(&create, Part::Response),
    ];
    assert_eq!(report.differences, differences, "{report}");
    // Refinements never count: the release is the differences'.
    assert_eq!(report.count(compare::Impact::Breaking), 5);
    assert_eq!(report.release(), Some(Release::Major));
    assert_eq!(
        report.summary(),
        "7 differences: 2 additive, 5 breaking; this calls for a major release; \
         10 refinements apart"
    );
}

#[test]
fn refinements_read_the_same_both_ways_and_print_under_their_own_heading() {
    let from = super::facts("refinements/from.yaml");
    let to = super::facts("refinements/to.yaml");
    let forward = compare::diff(&from, &to);
    let backward = compare::diff(&to, &from);
    let flipped: Vec<Refinement> = forward
        .refinements
        .iter()
        .map(|r| Refinement {
            from: r.to.clone(),
            to: r.from.clone(),
            ..r.clone()
        })
        .collect();
    assert_eq!(backward.refinements, flipped);
    assert!(!backward.refinements.iter().any(Refinement::typed_in_first));

    let printed = lines(&forward);
    let heading = printed
        .iter()
        .position(|l| l.starts_with("refinements (typed in one spec"))
        .expect("a refinements heading");
    // The differences come first, the refinements after their heading.
    assert!(printed[..heading].iter().any(|l| l.contains("breaking  ")));
    assert!(!printed[heading..].iter().any(|l| l.contains("breaking  ")));
    let create = printed
        .iter()
        .rposition(|l| l == "CreateParcel (POST /v1/Parcels)")
        .unwrap();
    assert!(create > heading);
    assert_eq!(
        printed[create + 3],
        "  response property `route`: object → any value (4 properties typed inside)"
    );
    assert_eq!(
        printed[create + 2],
        "  response property `photos`: array of object → array of any value \
         (2 properties typed inside)"
    );
    assert_eq!(printed.last().unwrap(), &forward.summary());

    // Only refinements: no difference, no release, and the summary says so.
    let only = compare::Report {
        differences: Vec::new(),
        refinements: forward.refinements.clone(),
    };
    assert!(only.is_empty());
    assert_eq!(only.release(), None);
    assert_eq!(
        only.summary(),
        "no differences in wire facts; 10 refinements apart"
    );
}

#[test]
fn open_and_refining_types() {
    let any = Type::of(Kind::Any);
    let bare_object = Type::of(Kind::Object);
    assert!(any.is_open() && bare_object.is_open());
    assert!(!object().is_open() && !string().is_open());
    assert!(!Type::of(Kind::Object).with_format("uri-map").is_open());

    assert!(object().refines(&any) && object().refines(&bare_object));
    assert!(string().refines(&any), "any type says more than none");
    assert!(
        !string().refines(&bare_object),
        "a string is no kind of object"
    );
    assert!(!any.refines(&bare_object) && !bare_object.refines(&any));
    assert!(!object().refines(&object()));
    assert!(Type::array_of(object()).refines(&Type::array_of(any.clone())));
    assert!(Type::array_of(object()).refines(&Type::of(Kind::Array)));
    assert!(!Type::array_of(string()).refines(&Type::array_of(integer())));
    assert!(!Type::array_of(any.clone()).refines(&Type::of(Kind::Array)));
}

/// Where an open response property of Twilio's file is, as `(operation, part, path)`.
type Place = (OperationKey, Part, String);

/// Every response property Twilio's file leaves open: no type, an object
/// without properties, or an array of such items.
fn open_in(facts: &Facts) -> BTreeSet<Place> {
    let mut out = BTreeSet::new();
    for (key, operation) in &facts.operations {
        let parts = match &operation.responses.body {
            Body::Json(properties) => vec![(Part::Response, properties)],
            Body::Page { item, .. } => vec![(Part::Item, item)],
            Body::Empty | Body::Binary => Vec::new(),
        };
        for (part, properties) in parts {
            for (at, property) in properties {
                let ty = &property.ty;
                let open = ty.is_open()
                    || (ty.kind == Kind::Array && ty.items.as_deref().is_none_or(Type::is_open));
                if open && !at.is_root() {
                    out.insert((key.clone(), part, at.to_string()));
                }
            }
        }
    }
    out
}

/// Our spec types every response property Twilio's file leaves open: they
/// are exactly its refinements, and none is a difference.
#[test]
fn our_refinements_of_twilios_file_are_the_fields_it_leaves_open() {
    let Some(twilio) = workspace_tests::twilio_spec() else {
        return;
    };
    let ours = workspace_tests::our_facts_in_twilios_scope();
    let theirs = compare::facts_of(&twilio).unwrap_or_else(|err| panic!("{err}"));
    let report = compare::diff(&ours, &theirs);
    assert!(report.is_empty(), "{report}");

    let refined: BTreeSet<Place> = report
        .refinements
        .iter()
        .map(|r| {
            let Subject::Operation { path, method, .. } = &r.subject else {
                panic!("a refinement of the whole spec: {r}");
            };
            (
                OperationKey::new(*method, path.clone()),
                r.part,
                r.path.to_string(),
            )
        })
        .collect();
    assert_eq!(refined.len(), report.refinements.len());
    assert_eq!(refined, open_in(&theirs));
    assert!(report.refinements.iter().all(Refinement::typed_in_first));
    assert!(open_in(&ours).is_empty(), "our spec leaves something open");

    let fields: BTreeSet<&str> = refined.iter().map(|(_, _, at)| at.as_str()).collect();
    assert_eq!(
        fields,
        BTreeSet::from([
            "added_to_conversation",
            "auto_creation",
            "bindings",
            "configuration",
            "conversation_timers",
            "delivery",
            "media",
            "messaging_binding",
            "new_message",
            "participant_messaging_binding",
            "removed_from_conversation",
            "timers",
        ])
    );
    assert_eq!(report.refinements.len(), 72);
}
