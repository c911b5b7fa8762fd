//! Differences in what an operation sends as its body and what it answers:
//! JSON, a file, a page of a list, or nothing.

use super::diff::{Change, Impact, Part};
use super::facts::{Body, Operation, RequestKind, Responses};
use super::refinement::Refined;
use super::values::properties;

/// The request bodies of one operation in two specs.
pub(super) fn request(
    old: &Operation,
    new: &Operation,
    push: &mut impl FnMut(Change, Impact),
    refined: &mut Vec<Refined>,
) {
    let (from, to) = (old.request_kind(), new.request_kind());
    match (&old.request, &new.request) {
        (Some(a), Some(b)) => {
            if a.media_type != b.media_type {
                // Only the `Content-Type` sent changes; the Rust API does not.
                push(
                    Change::RequestMediaType {
                        from: a.media_type.clone(),
                        to: b.media_type.clone(),
                    },
                    Impact::Additive,
                );
            }
            properties(Part::Request, &a.properties, &b.properties, push, refined);
            return;
        }
        _ if from == to => {}
        _ => {
            // The method gains, loses or changes its `body` argument; an
            // operation whose body is multipart only is not generated, so
            // leaving that state adds a method and entering it removes one.
            let impact = if from == RequestKind::Multipart {
                Impact::Additive
            } else {
                Impact::Breaking
            };
            push(Change::RequestBody { from, to }, impact);
            return;
        }
    }
    let (Some(a), Some(b)) = (&old.upload, &new.upload) else {
        return;
    };
    // The caller names each upload's `Content-Type`, so a media type the
    // server takes more changes no code; one it no longer takes refuses
    // uploads an app may be sending.
    for media_type in b.media_types.difference(&a.media_types) {
        push(
            Change::UploadMediaTypeAdded {
                media_type: media_type.clone(),
            },
            Impact::Additive,
        );
    }
    for media_type in a.media_types.difference(&b.media_types) {
        push(
            Change::UploadMediaTypeRemoved {
                media_type: media_type.clone(),
            },
            Impact::Breaking,
        );
    }
    if a.max_len != b.max_len {
        // A lower limit (or a first one) refuses uploads that went before.
        let lowered = match (a.max_len, b.max_len) {
            (_, None) => false,
            (None, Some(_)) => true,
            (Some(before), Some(after)) => after < before,
        };
        push(
            Change::UploadMaxLength {
                from: a.max_len,
                to: b.max_len,
            },
            if lowered {
                Impact::Breaking
            } else {
                Impact::Additive
            },
        );
    }
}

/// The success bodies of one operation in two specs (their kinds are
/// compared with the status codes).
pub(super) fn response(
    old: &Responses,
    new: &Responses,
    push: &mut impl FnMut(Change, Impact),
    refined: &mut Vec<Refined>,
) {
    if old.accept != new.accept {
        // Only the `Accept` header sent changes: a JSON answer is decoded
        // and a file read as bytes whatever its media type.
        push(
            Change::Accept {
                from: old.accept.clone(),
                to: new.accept.clone(),
            },
            Impact::Additive,
        );
    }
    match (&old.body, &new.body) {
        (Body::Json(a), Body::Json(b)) => properties(Part::Response, a, b, push, refined),
        (
            Body::Page {
                items_key: old_key,
                item: old_item,
                meta: old_meta,
            },
            Body::Page {
                items_key: new_key,
                item: new_item,
                meta: new_meta,
            },
        ) => {
            if old_key != new_key {
                push(
                    Change::ItemsKey {
                        from: old_key.clone(),
                        to: new_key.clone(),
                    },
                    Impact::Additive,
                );
            }
            properties(Part::Item, old_item, new_item, push, refined);
            properties(Part::Meta, old_meta, new_meta, push, refined);
        }
        // A change of body kind is said with the status codes; its
        // properties no longer compare.
        _ => {}
    }
}
