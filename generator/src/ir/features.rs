//! Which cargo feature each part of a generated crate compiles under, and
//! which file it lives in.
//!
//! Every resource handle has a feature named after its module
//! (`conversation_messages` → `conversation-messages`) that implies its
//! parent's. A model, enum or union compiles when any resource that reaches
//! it does (or `webhooks`, for the types webhook events hold); it lives in
//! the folder of the one resource that reaches it, or among the shared types.

use super::{Api, Location, ModelField, Operation, Pii, Resource, ResponseKind, RustType};

/// The cargo features an item compiles under: any one of them. An empty
/// list means always.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Gate {
    /// Feature names, sorted.
    pub features: Vec<String>,
}

impl Gate {
    /// The gate of items every build has.
    pub fn always() -> Gate {
        Gate::default()
    }

    /// The gate of one feature.
    pub fn feature(name: &str) -> Gate {
        Gate {
            features: vec![name.to_owned()],
        }
    }

    /// Whether the item compiles in every build.
    pub fn is_always(&self) -> bool {
        self.features.is_empty()
    }

    /// The `cfg` predicate: `feature = "a"`, or `any(feature = "a", ...)`.
    pub fn predicate(&self) -> String {
        let one = |name: &String| format!("feature = \"{name}\"");
        match self.features.as_slice() {
            [] => "all()".to_owned(),
            [name] => one(name),
            names => {
                let names: Vec<String> = names.iter().map(one).collect();
                format!("any({})", names.join(", "))
            }
        }
    }

    /// `#[cfg(..)]` for an item apps do not see, or nothing when always built.
    pub fn cfg(&self) -> String {
        if self.is_always() {
            String::new()
        } else {
            format!("#[cfg({})]", self.predicate())
        }
    }

    /// `#[cfg(..)]` and, for docs.rs, the `doc(cfg(..))` that shows apps
    /// which feature a public item needs; nothing when always built.
    pub fn attrs(&self) -> String {
        if self.is_always() {
            String::new()
        } else {
            let predicate = self.predicate();
            format!("#[cfg({predicate})]\n#[cfg_attr(docsrs, doc(cfg({predicate})))]")
        }
    }

    /// docs.rs's `#[cfg_attr(docsrs, doc(cfg(..)))]` alone, for a template
    /// that writes it on a line of its own after [`Gate::cfg`] (at an
    /// indentation, where the two lines of [`Gate::attrs`] would not both be
    /// indented); nothing when always built.
    pub fn doc_cfg(&self) -> String {
        if self.is_always() {
            String::new()
        } else {
            format!("#[cfg_attr(docsrs, doc(cfg({})))]", self.predicate())
        }
    }

    /// The gate of items needed by any of `gates`: always if one of them is.
    pub fn any<'a>(gates: impl IntoIterator<Item = &'a Gate>) -> Gate {
        let mut features = Vec::new();
        for gate in gates {
            if gate.is_always() {
                return Gate::always();
            }
            features.extend(gate.features.iter().cloned());
        }
        features.sort();
        features.dedup();
        Gate { features }
    }

    /// The gate of code `resources` (indices in [`Api::resources`]) use:
    /// their features, a parent's standing for its children's, which imply it.
    fn of_resources(api: &Api, mut resources: Vec<usize>) -> Gate {
        resources.sort_unstable();
        resources.dedup();
        // A child's feature implies its parent's: the parent alone covers both.
        let kept: Vec<usize> = resources
            .iter()
            .copied()
            .filter(|&r| {
                let mut parent = api.resources[r].parent;
                while let Some(p) = parent {
                    if resources.binary_search(&p).is_ok() {
                        return false;
                    }
                    parent = api.resources[p].parent;
                }
                true
            })
            .collect();
        let mut features: Vec<String> = kept
            .into_iter()
            .map(|r| api.resources[r].feature.clone())
            .collect();
        features.sort();
        Gate { features }
    }
}

/// Runtime code that only some resources' operations (or types) use: it
/// compiles when any of them does. See [`Api::gate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Any resource at all.
    Resources,
    /// Any operation at all: the request pipeline.
    Operations,
    /// An operation that returns a page of a list.
    Lists,
    /// An operation with a params struct: values sent as pairs.
    Params,
    /// Params sent in the query string.
    Query,
    /// Params sent as headers.
    Headers,
    /// Params sent as a form body.
    Form,
    /// A params struct with a list field (decoded one or many).
    ListParams,
    /// A params struct with a field that is not a list.
    ScalarParams,
    /// A params struct with an optional list field.
    OptionalListParams,
    /// An operation with a path parameter.
    PathParams,
    /// An operation answering without a body.
    EmptyResponses,
    /// An operation asking for a media type other than JSON.
    Accept,
    /// An operation sending a JSON body.
    Json,
    /// An operation answering with a file.
    Downloads,
    /// An operation sending a file.
    Uploads,
    /// An operation sending or answering with a file: `src/binary.rs` and
    /// the dependency features it needs.
    Files,
    /// An operation on another host than the default.
    OtherHosts,
    /// A required field to decode: a model's, or a params struct's.
    RequiredFields,
    /// A model field left out of the JSON when unset.
    SkippedNones,
    /// A value marked personal data: a model's or params struct's field,
    /// or a webhook event's.
    PersonalData,
    /// A value marked sensitive (printed through `Redacted`).
    SensitiveData,
    /// A value marked standard personal data (printed through `Personal`).
    StandardData,
    /// A response example of an operation that is not a list.
    ResponseExamples,
    /// A response example of a list.
    PageExamples,
    /// A JSON-body example.
    BodyExamples,
    /// A form-body example.
    FormExamples,
    /// A shared type (`src/types/`).
    SharedTypes,
    /// A tagged union.
    Unions,
}

/// Where a model, enum or union is written.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Home {
    /// With the one resource that reaches it (index in [`Api::resources`]):
    /// `src/resources/<module>/models.rs` or `enums.rs`.
    Resource(usize),
    /// In a file of its own among the shared types: `src/types/<module>.rs`.
    Shared {
        /// The file stem and module name.
        module: String,
    },
    /// Not yet decided (lowering decides every home).
    #[default]
    Undecided,
}

impl Home {
    /// The resource whose folder holds the type, if one does.
    pub fn resource(&self) -> Option<usize> {
        match self {
            Home::Resource(index) => Some(*index),
            _ => None,
        }
    }

    /// The shared module holding the type, if it is shared.
    pub fn shared(&self) -> Option<&str> {
        match self {
            Home::Shared { module } => Some(module),
            _ => None,
        }
    }
}

impl Resource {
    /// Whether an operation carries an example to test.
    pub fn has_examples(&self) -> bool {
        self.operations.iter().any(|op| {
            !op.response_examples.is_empty()
                || !op.request_examples.is_empty()
                || !op.body_examples.is_empty()
        })
    }

    /// The resource's cargo feature as a gate.
    pub fn gate(&self) -> Gate {
        Gate::feature(&self.feature)
    }
}

impl Api {
    /// The gate of code only resources that satisfy `uses` need: the
    /// features of those resources (parents standing for their children),
    /// or `None` when no resource does, so the code is not written at all.
    pub fn gate_where(&self, uses: impl Fn(&Resource) -> bool) -> Option<Gate> {
        let users: Vec<usize> = (0..self.resources.len())
            .filter(|&r| uses(&self.resources[r]))
            .collect();
        if users.is_empty() {
            None
        } else {
            Some(Gate::of_resources(self, users))
        }
    }

    /// The gate of runtime code for `need`, or `None` when nothing in the
    /// API needs it, so it is not written at all.
    pub fn gate(&self, need: Need) -> Option<Gate> {
        let ops =
            |uses: &dyn Fn(&Operation) -> bool| self.gate_where(|r| r.operations.iter().any(uses));
        let params = |uses: &dyn Fn(&super::ParamField) -> bool| {
            ops(&|op| {
                op.params
                    .as_ref()
                    .is_some_and(|p| p.fields.iter().any(uses))
            })
        };
        let types = |gates: Vec<&Gate>| (!gates.is_empty()).then(|| Gate::any(gates));
        match need {
            Need::Resources => self.gate_where(|_| true),
            Need::Operations => ops(&|_| true),
            Need::Lists => ops(&Operation::is_list),
            Need::Params => ops(&|op| op.params.is_some()),
            Need::Query => params(&|f| f.location == Location::Query),
            Need::Headers => params(&|f| f.location == Location::Header),
            Need::Form => params(&|f| f.location == Location::Form),
            Need::ListParams => params(&|f| matches!(f.ty, RustType::Vec(_))),
            Need::ScalarParams => params(&|f| !matches!(f.ty, RustType::Vec(_))),
            Need::OptionalListParams => {
                params(&|f| !f.required && matches!(f.ty, RustType::Vec(_)))
            }
            Need::PathParams => ops(&|op| !op.path_args.is_empty()),
            Need::EmptyResponses => ops(&|op| matches!(op.response, ResponseKind::Empty)),
            Need::Accept => ops(&|op| op.accept.is_some()),
            Need::Json => ops(&|op| op.body.is_some()),
            Need::Downloads => ops(&|op| matches!(op.response, ResponseKind::Binary)),
            Need::Uploads => ops(&|op| op.upload.is_some()),
            Need::Files => {
                ops(&|op| op.upload.is_some() || matches!(op.response, ResponseKind::Binary))
            }
            Need::OtherHosts => ops(&|op| op.host.is_some()),
            Need::RequiredFields => {
                let mut gates: Vec<&Gate> = self
                    .models
                    .iter()
                    .filter(|m| m.fields.iter().any(|f| !f.is_optional()))
                    .map(|m| &m.gate)
                    .collect();
                let by_params = params(&|f| f.required);
                gates.extend(by_params.as_ref());
                types(gates)
            }
            Need::SkippedNones => types(
                self.models
                    .iter()
                    .filter(|m| m.fields.iter().any(ModelField::skips_none))
                    .map(|m| &m.gate)
                    .collect(),
            ),
            Need::PersonalData => self.pii_gate(&|pii| pii.is_some()),
            Need::SensitiveData => self.pii_gate(&|pii| pii == Some(Pii::Sensitive)),
            Need::StandardData => self.pii_gate(&|pii| pii == Some(Pii::Standard)),
            Need::ResponseExamples => ops(&|op| !op.is_list() && !op.response_examples.is_empty()),
            Need::PageExamples => ops(&|op| op.is_list() && !op.response_examples.is_empty()),
            Need::BodyExamples => ops(&|op| !op.body_examples.is_empty()),
            Need::FormExamples => ops(&|op| !op.request_examples.is_empty()),
            Need::SharedTypes => {
                let shared = self.shared_types();
                types(shared.iter().map(|s| s.gate).collect())
            }
            Need::Unions => types(self.unions.iter().map(|u| &u.gate).collect()),
        }
    }

    /// The gate of what prints values `marked` so: the models, params
    /// structs and webhook events holding such a value.
    fn pii_gate(&self, marked: &dyn Fn(Option<Pii>) -> bool) -> Option<Gate> {
        let mut gates: Vec<Gate> = self
            .models
            .iter()
            .filter(|m| m.fields.iter().any(|f| marked(f.pii)))
            .map(|m| m.gate.clone())
            .collect();
        gates.extend(self.gate_where(|r| {
            r.operations
                .iter()
                .filter_map(|op| op.params.as_ref())
                .any(|p| p.fields.iter().any(|f| marked(f.pii)))
        }));
        let by_events = self.webhooks.as_ref().is_some_and(|hooks| {
            hooks.fields().any(|f| marked(f.pii))
                || hooks
                    .events
                    .iter()
                    .any(|e| e.response.as_ref().is_some_and(|r| r.has_personal_data()))
        });
        if by_events {
            gates.push(Gate::feature("webhooks"));
        }
        (!gates.is_empty()).then(|| Gate::any(&gates))
    }

    /// The gate of the spec-example test helpers that compare JSON (those
    /// of response and JSON-body examples), with the form examples' too
    /// when `forms`.
    pub fn examples_gate(&self, forms: bool) -> Gate {
        let mut needs = vec![
            Need::ResponseExamples,
            Need::PageExamples,
            Need::BodyExamples,
        ];
        if forms {
            needs.push(Need::FormExamples);
        }
        let gates: Vec<Gate> = needs
            .into_iter()
            .filter_map(|need| self.gate(need))
            .collect();
        Gate::any(&gates)
    }

    /// `#[cfg(..)]` for runtime code for `need` (see [`Api::gate`]);
    /// nothing when it is always built or not written.
    pub fn cfg(&self, need: Need) -> String {
        self.gate(need).map(|gate| gate.cfg()).unwrap_or_default()
    }

    /// `#[cfg(..)]` and docs.rs's `doc(cfg(..))` for a public item of the
    /// runtime for `need`; nothing when it is always built or not written.
    pub fn attrs(&self, need: Need) -> String {
        self.gate(need).map(|gate| gate.attrs()).unwrap_or_default()
    }

    /// [`Gate::doc_cfg`] of a public item of the runtime for `need`.
    pub fn doc_cfg(&self, need: Need) -> String {
        self.gate(need)
            .map(|gate| gate.doc_cfg())
            .unwrap_or_default()
    }

    /// The gate of a type reached by `resources` (and by webhook events
    /// when `webhooks`); always, when nothing reaches it.
    pub fn gate_of_reach(&self, resources: Vec<usize>, webhooks: bool) -> Gate {
        let mut gate = if resources.is_empty() {
            Gate { features: vec![] }
        } else {
            Gate::of_resources(self, resources)
        };
        if webhooks {
            gate.features.push("webhooks".to_owned());
            gate.features.sort();
        }
        gate
    }

    /// The gate of a generated type or params struct, by name: always for
    /// a name the API does not generate.
    pub fn type_gate(&self, name: &str) -> Gate {
        let models = self.models.iter().map(|m| (&m.name, &m.gate));
        let unions = self.unions.iter().map(|u| (&u.name, &u.gate));
        let enums = self.enums.iter().map(|e| (&e.name, &e.gate));
        if let Some((_, gate)) = models.chain(unions).chain(enums).find(|(n, _)| *n == name) {
            return gate.clone();
        }
        self.resources
            .iter()
            .find(|r| {
                r.operations
                    .iter()
                    .filter_map(|op| op.params.as_ref())
                    .any(|p| p.name == name)
            })
            .map_or_else(Gate::always, Resource::gate)
    }

    /// The gate of the tests of personal data in `Debug`: any of their owners'.
    pub fn pii_cases_gate(&self) -> Gate {
        let gates: Vec<Gate> = self
            .pii_cases
            .iter()
            .map(|case| self.type_gate(&case.owner))
            .collect();
        Gate::any(&gates)
    }

    /// Features for the README's example of a slice of the API: the
    /// quick start's resource and, when it has any, its first two children.
    pub fn example_features(&self) -> Vec<&str> {
        let Some(first) = self
            .quickstart()
            .map(|(r, _, _)| r)
            .or(self.resources.first())
        else {
            return Vec::new();
        };
        let children = self.children_of(first);
        if children.is_empty() {
            vec![first.feature.as_str()]
        } else {
            children
                .iter()
                .take(2)
                .map(|c| c.feature.as_str())
                .collect()
        }
    }

    /// The features that turn on sending and answering files (see
    /// [`Need::Files`]).
    pub fn file_features(&self) -> Vec<&str> {
        let files = self.gate(Need::Files);
        let names = self.resources.iter().map(|r| r.feature.as_str());
        names
            .filter(|name| {
                files
                    .as_ref()
                    .is_some_and(|gate| gate.features.iter().any(|f| f == name))
            })
            .collect()
    }

    /// The cargo feature of every resource, with the features it implies:
    /// its parent's, and the dependencies' that files need when it sends
    /// or answers files.
    pub fn resource_features(&self) -> Vec<(&str, Vec<&str>)> {
        let files = self.gate(Need::Files).unwrap_or_default();
        let mut features: Vec<(&str, Vec<&str>)> = self
            .resources
            .iter()
            .map(|r| {
                let parent = r.parent.map(|p| self.resources[p].feature.as_str());
                let mut implies: Vec<&str> = parent.into_iter().collect();
                if files.features.contains(&r.feature) {
                    implies.extend(FILE_DEPENDENCIES);
                }
                (r.feature.as_str(), implies)
            })
            .collect();
        features.sort();
        features
    }
}

/// What sending and saving files needs of the dependencies, turned on by
/// the features of the resources that do (see [`Need::Files`]).
const FILE_DEPENDENCIES: [&str; 4] = ["dep:bytes", "reqwest/stream", "tokio/fs", "tokio/io-util"];

#[cfg(test)]
mod tests {
    use super::*;

    fn gate(features: &[&str]) -> Gate {
        Gate {
            features: features.iter().map(|f| (*f).to_owned()).collect(),
        }
    }

    #[test]
    fn predicates_name_one_feature_or_any_of_several() {
        assert_eq!(gate(&[]).cfg(), "");
        assert_eq!(gate(&["users"]).cfg(), "#[cfg(feature = \"users\")]");
        assert_eq!(
            gate(&["roles", "users"]).predicate(),
            "any(feature = \"roles\", feature = \"users\")"
        );
        assert_eq!(
            gate(&["users"]).attrs(),
            "#[cfg(feature = \"users\")]\n#[cfg_attr(docsrs, doc(cfg(feature = \"users\")))]"
        );
    }

    #[test]
    fn any_merges_and_an_ungated_user_ungates() {
        let merged = Gate::any([&gate(&["users"]), &gate(&["roles", "users"])]);
        assert_eq!(merged, gate(&["roles", "users"]));
        assert!(Gate::any([&gate(&["users"]), &Gate::always()]).is_always());
    }
}
