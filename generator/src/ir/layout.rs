//! The files the generated crate's types are written in, read off each
//! type's [`Home`]: a resource's `models.rs` and `enums.rs`, or a shared
//! type's own file under `src/types/`.

use super::{Api, Enum, Gate, Home, Model, PiiCase, Resource, RustType, Union};

/// The types written in one file.
#[derive(Debug, Clone)]
pub struct TypeFile<'a> {
    /// The path relative to the crate root.
    pub path: String,
    /// Models, in name order.
    pub models: Vec<&'a Model>,
    /// Tagged unions, in name order.
    pub unions: Vec<&'a Union>,
    /// Enums, in name order.
    pub enums: Vec<&'a Enum>,
}

impl TypeFile<'_> {
    /// The generated types the file's models and unions hold that are
    /// written elsewhere, sorted, for its `use crate::{..}` line.
    pub fn imports(&self) -> Vec<String> {
        let mut names = Vec::new();
        for field in self.models.iter().flat_map(|m| &m.fields) {
            field.ty.named(&mut names);
        }
        for variant in self.unions.iter().flat_map(|u| &u.variants) {
            variant.ty.named(&mut names);
        }
        names.retain(|name| !self.defines(name));
        names.sort();
        names.dedup();
        names
    }

    fn defines(&self, name: &str) -> bool {
        self.models.iter().any(|m| m.name == name)
            || self.unions.iter().any(|u| u.name == name)
            || self.enums.iter().any(|e| e.name == name)
    }

    fn field_types(&self) -> impl Iterator<Item = &RustType> {
        self.models
            .iter()
            .flat_map(|m| &m.fields)
            .map(|f| &f.ty)
            .chain(self.unions.iter().flat_map(|u| &u.variants).map(|v| &v.ty))
    }

    /// Whether a field needs a date-time type.
    pub fn uses_datetime(&self) -> bool {
        self.field_types().any(RustType::mentions_datetime)
    }

    /// Whether a field needs a map type.
    pub fn uses_map(&self) -> bool {
        self.field_types().any(RustType::mentions_map)
    }
}

/// A shared type's module in `src/types/mod.rs`.
#[derive(Debug, Clone)]
pub struct SharedType<'a> {
    /// The module (file stem).
    pub module: &'a str,
    /// The type's name.
    pub name: &'a str,
    /// The features it compiles under.
    pub gate: &'a Gate,
}

impl Api {
    /// Every file of types: each resource's `models.rs` (models and
    /// unions) and `enums.rs`, then each shared type's own file.
    pub fn type_files(&self) -> Vec<TypeFile<'_>> {
        let mut files = Vec::new();
        for (index, resource) in self.resources.iter().enumerate() {
            let home = Home::Resource(index);
            let models = self.home_models(&home);
            let unions = self.home_unions(&home);
            if !models.is_empty() || !unions.is_empty() {
                files.push(TypeFile {
                    path: format!("src/resources/{}/models.rs", resource.module),
                    models,
                    unions,
                    enums: Vec::new(),
                });
            }
            let enums = self.home_enums(&home);
            if !enums.is_empty() {
                files.push(TypeFile {
                    path: format!("src/resources/{}/enums.rs", resource.module),
                    models: Vec::new(),
                    unions: Vec::new(),
                    enums,
                });
            }
        }
        for shared in self.shared_types() {
            let home = Home::Shared {
                module: shared.module.to_owned(),
            };
            files.push(TypeFile {
                path: format!("src/types/{}.rs", shared.module),
                models: self.home_models(&home),
                unions: self.home_unions(&home),
                enums: self.home_enums(&home),
            });
        }
        files
    }

    /// The shared types, by module name.
    pub fn shared_types(&self) -> Vec<SharedType<'_>> {
        let models = self.models.iter().map(|m| (&m.home, &m.name, &m.gate));
        let unions = self.unions.iter().map(|u| (&u.home, &u.name, &u.gate));
        let enums = self.enums.iter().map(|e| (&e.home, &e.name, &e.gate));
        let mut shared: Vec<SharedType<'_>> = models
            .chain(unions)
            .chain(enums)
            .filter_map(|(home, name, gate)| {
                Some(SharedType {
                    module: home.shared()?,
                    name,
                    gate,
                })
            })
            .collect();
        shared.sort_by(|a, b| a.module.cmp(b.module));
        shared
    }

    /// Whether the resource's folder has a `models.rs`.
    pub fn has_own_models(&self, resource: &Resource) -> bool {
        let home = Home::Resource(self.index_of(resource));
        !self.home_models(&home).is_empty() || !self.home_unions(&home).is_empty()
    }

    /// Whether the resource's folder has an `enums.rs`.
    pub fn has_own_enums(&self, resource: &Resource) -> bool {
        !self
            .home_enums(&Home::Resource(self.index_of(resource)))
            .is_empty()
    }

    /// The generated types the resource's module names and does not hold
    /// itself, sorted, for its `use crate::{..}` line.
    pub fn resource_imports(&self, resource: &Resource) -> Vec<String> {
        let home = Home::Resource(self.index_of(resource));
        let mut names = resource.imports();
        names.retain(|name| {
            !self
                .models
                .iter()
                .any(|m| &m.name == name && m.home == home)
                && !self
                    .unions
                    .iter()
                    .any(|u| &u.name == name && u.home == home)
                && !self.enums.iter().any(|e| &e.name == name && e.home == home)
        });
        names
    }

    /// The tests of personal data in `Debug` whose struct lives with
    /// `resource` (its params structs, the models only it reaches), or,
    /// for `None`, with no resource (shared models).
    pub fn pii_cases_in(&self, resource: Option<&Resource>) -> Vec<&PiiCase> {
        let home = resource.map(|r| Home::Resource(self.index_of(r)));
        self.pii_cases
            .iter()
            .filter(|case| self.home_of_struct(&case.owner) == home)
            .collect()
    }

    /// Whether the resource's folder has a `tests.rs`: examples to check,
    /// or personal data to keep out of `Debug`.
    pub fn has_own_tests(&self, resource: &Resource) -> bool {
        resource.has_examples() || !self.pii_cases_in(Some(resource)).is_empty()
    }

    /// The folder a model or params struct lives in, by name.
    fn home_of_struct(&self, name: &str) -> Option<Home> {
        if let Some(model) = self.models.iter().find(|m| m.name == name) {
            return model.home.resource().map(Home::Resource);
        }
        self.resources
            .iter()
            .position(|r| {
                r.operations
                    .iter()
                    .filter_map(|op| op.params.as_ref())
                    .any(|p| p.name == name)
            })
            .map(Home::Resource)
    }

    fn index_of(&self, resource: &Resource) -> usize {
        self.resources
            .iter()
            .position(|r| r.module == resource.module)
            .expect("the resource is one of the API's")
    }

    fn home_models(&self, home: &Home) -> Vec<&Model> {
        self.models.iter().filter(|m| &m.home == home).collect()
    }

    fn home_unions(&self, home: &Home) -> Vec<&Union> {
        self.unions.iter().filter(|u| &u.home == home).collect()
    }

    fn home_enums(&self, home: &Home) -> Vec<&Enum> {
        self.enums.iter().filter(|e| &e.home == home).collect()
    }
}
