//! `$ref`s: following references to parameters, request bodies, responses
//! and schemas, and the errors for those that lead nowhere.

use std::borrow::Borrow;

use openapiv3::{OpenAPI, Parameter, ReferenceOr, RequestBody, Response, Schema};

use super::Lowerer;
use crate::error::{Error, Result};

impl<'a> Lowerer<'a> {
    pub(super) fn resolve_parameter(
        &self,
        p: &'a ReferenceOr<Parameter>,
        pointer: &str,
    ) -> Result<&'a Parameter> {
        match p {
            ReferenceOr::Item(p) => Ok(p),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/parameters/", pointer)?;
                self.spec
                    .components
                    .as_ref()
                    .and_then(|c| c.parameters.get(name))
                    .ok_or_else(|| self.unresolved(reference, pointer))
                    .and_then(|p| match p {
                        ReferenceOr::Item(p) => Ok(p),
                        ReferenceOr::Reference { reference } => Err(self.unsupported(
                            pointer,
                            format!(
                                "a parameter that is itself a `$ref` ({reference}) is not supported"
                            ),
                        )),
                    })
            }
        }
    }

    pub(super) fn resolve_request_body(
        &self,
        body: &'a ReferenceOr<RequestBody>,
        pointer: &str,
    ) -> Result<&'a RequestBody> {
        match body {
            ReferenceOr::Item(b) => Ok(b),
            ReferenceOr::Reference { reference } => {
                let name =
                    self.component_name(reference, "#/components/requestBodies/", pointer)?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.request_bodies.get(name))
                {
                    Some(ReferenceOr::Item(b)) => Ok(b),
                    _ => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    pub(super) fn resolve_response(
        &self,
        response: &'a ReferenceOr<Response>,
        pointer: &str,
    ) -> Result<&'a Response> {
        match response {
            ReferenceOr::Item(r) => Ok(r),
            ReferenceOr::Reference { reference } => {
                let name = self.component_name(reference, "#/components/responses/", pointer)?;
                match self
                    .spec
                    .components
                    .as_ref()
                    .and_then(|c| c.responses.get(name))
                {
                    Some(ReferenceOr::Item(r)) => Ok(r),
                    _ => Err(self.unresolved(reference, pointer)),
                }
            }
        }
    }

    /// Follows `$ref`s to a schema, failing on a missing or cyclic chain;
    /// `S` is `Schema`, or `Box<Schema>` for a property's or an array item's
    /// schema, which the model boxes.
    pub(super) fn resolve_schema<'s, S: Borrow<Schema>>(
        &self,
        schema: &'s ReferenceOr<S>,
        pointer: &str,
    ) -> Result<&'s Schema>
    where
        'a: 's,
    {
        match schema {
            ReferenceOr::Item(s) => Ok(s.borrow()),
            ReferenceOr::Reference { reference } => self.follow_schema(reference, pointer),
        }
    }

    /// The schema at the end of the chain of `$ref`s that starts at `reference`.
    fn follow_schema<'s>(&self, reference: &'s str, pointer: &str) -> Result<&'s Schema>
    where
        'a: 's,
    {
        let spec: &'a OpenAPI = self.spec;
        let mut reference = reference;
        let mut seen: Vec<&str> = Vec::new();
        loop {
            if seen.contains(&reference) {
                return Err(self.unsupported(
                    pointer,
                    format!("`$ref` cycle: {} → {reference}", seen.join(" → ")),
                ));
            }
            let name = self.component_name(reference, "#/components/schemas/", pointer)?;
            let next = spec
                .components
                .as_ref()
                .and_then(|c| c.schemas.get(name))
                .ok_or_else(|| self.unresolved(reference, pointer))?;
            seen.push(reference);
            match next {
                ReferenceOr::Item(s) => return Ok(s),
                ReferenceOr::Reference { reference: next } => reference = next,
            }
        }
    }

    /// The component name a `$ref` names under `prefix`.
    pub(super) fn component_name<'r>(
        &self,
        reference: &'r str,
        prefix: &str,
        pointer: &str,
    ) -> Result<&'r str> {
        reference.strip_prefix(prefix).ok_or_else(|| {
            self.unsupported(
                pointer,
                format!("`$ref: {reference}` must point into `{prefix}` (external references are not supported)"),
            )
        })
    }

    fn unresolved(&self, reference: &str, pointer: &str) -> Error {
        self.unsupported(
            pointer,
            format!("`$ref: {reference}` does not resolve to anything in the spec"),
        )
    }
}
