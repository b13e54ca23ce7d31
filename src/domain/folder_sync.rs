//! The workspace folder's planning: which file each assessment is written to, which files to
//! write after a save, which files changed in the folder (another device, a sync service, a git
//! pull) and are offered for import, and which are left alone.
//!
//! Plain data in, plain data out: file names with their modification time and size, the
//! fingerprint (content hash) of each assessment here and of what each changed file holds. The
//! browser side (`storage::folder`) lists the folder, reads what this says to read and writes
//! what it says to write; it never decides anything. This module never deletes a file and never
//! names one outside the folder: every name it gives is a plain file name ending in `.cto.json`.

use std::collections::{BTreeSet, HashMap};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How the files of a workspace folder end; other files in the folder are never read or written.
pub const EXTENSION: &str = ".cto.json";

/// Characters of the assessment's name kept in its file name.
const MAX_SLUG: usize = 40;

/// A file in the folder as the browser lists it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Stat {
    pub name: String,
    /// Last modified, in milliseconds since 1970 as the browser reports it.
    pub modified: i64,
    pub size: u64,
}

/// A file this app wrote (or found holding exactly what it would write), and what it held then.
/// Kept across reloads, so a file changed since is told from one written here.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Known {
    pub name: String,
    pub id: Uuid,
    /// The fingerprint of the assessment the file held.
    pub hash: String,
    pub modified: i64,
    pub size: u64,
}

impl Known {
    fn matches(&self, stat: &Stat) -> bool {
        self.name == stat.name && self.modified == stat.modified && self.size == stat.size
    }
}

/// One assessment here: its id, its name (for a new file's name) and its fingerprint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub id: Uuid,
    pub name: String,
    pub hash: String,
}

/// What a file that changed (or that this app did not write) was found to hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contents {
    /// Not a file this app can import; the reason in plain words.
    Unreadable(String),
    /// Each assessment in it: id and fingerprint.
    Assessments(Vec<(Uuid, String)>),
}

/// A file read because it changed, with what it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Read {
    pub stat: Stat,
    pub contents: Contents,
}

/// A file in the folder that holds assessments differing from the ones here, or not here at all:
/// offered for import, and never written over until the user says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub stat: Stat,
    /// The assessments in it that differ from (or are missing) here.
    pub ids: Vec<Uuid>,
    /// Whether the file is one this app wrote, changed since (rather than a file it never wrote).
    pub ours: bool,
}

/// What one pass over the folder does.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// What is known of the folder's files after this pass, before its writes (record each
    /// write with [`wrote`]).
    pub known: Vec<Known>,
    /// The files to write: assessment id and file name.
    pub writes: Vec<(Uuid, String)>,
    /// Changed files to offer for import (those dismissed for now are left out).
    pub offers: Vec<Offer>,
    /// Files ending in `.cto.json` that cannot be read, with the reason; left as they are.
    pub unreadable: Vec<(String, String)>,
    /// Assessments whose own file changed in the folder: not written until the user decides.
    pub held: Vec<Uuid>,
    /// Files written here for assessments no longer here (deleted): left in the folder.
    pub left: Vec<String>,
}

/// The files to read before planning: ours by name, and not exactly as this app last saw them.
pub fn to_read<'a>(listing: &'a [Stat], known: &[Known]) -> Vec<&'a Stat> {
    listing
        .iter()
        .filter(|s| is_ours(&s.name) && !known.iter().any(|k| k.matches(s)))
        .collect()
}

/// Whether a file name is one of ours: ends in `.cto.json`, nothing else.
pub fn is_ours(name: &str) -> bool {
    name.len() > EXTENSION.len() && name.to_lowercase().ends_with(EXTENSION)
}

/// Plans one pass: `app` is every assessment here, `listing` the folder's files, `known` what
/// was known of them, `reads` what each file [`to_read`] holds, and `dismissed` the file
/// versions the user chose not to import (not offered again until they change).
pub fn plan(
    app: &[Entry],
    listing: &[Stat],
    known: &[Known],
    reads: &[Read],
    dismissed: &[Stat],
) -> Plan {
    let here: HashMap<Uuid, &Entry> = app.iter().map(|e| (e.id, e)).collect();
    // A file gone from the folder is forgotten, so its assessment is written again.
    let mut known: Vec<Known> = known
        .iter()
        .filter(|k| listing.iter().any(|s| s.name == k.name))
        .cloned()
        .collect();
    let mut plan = Plan::default();
    // Files never written over in this pass: changed ones, unreadable ones, other people's.
    let mut blocked: BTreeSet<String> = BTreeSet::new();
    for read in reads {
        let name = &read.stat.name;
        let mine = known.iter().position(|k| &k.name == name);
        let held = match &read.contents {
            Contents::Unreadable(why) => {
                plan.unreadable.push((name.clone(), why.clone()));
                blocked.insert(name.clone());
                mine.map(|i| known[i].id)
            }
            Contents::Assessments(list) => {
                // Touched (a sync service copying it back) but holding what was written here.
                if let Some(i) = mine.filter(|&i| {
                    list.len() == 1 && list[0].0 == known[i].id && list[0].1 == known[i].hash
                }) {
                    known[i].modified = read.stat.modified;
                    known[i].size = read.stat.size;
                    continue;
                }
                let differing: Vec<Uuid> = list
                    .iter()
                    .filter(|(id, hash)| here.get(id).is_none_or(|e| &e.hash != hash))
                    .map(|(id, _)| *id)
                    .collect();
                if differing.is_empty() {
                    adopt(&mut known, mine, read, list, &mut blocked);
                    continue;
                }
                blocked.insert(name.clone());
                if !dismissed.contains(&read.stat) {
                    plan.offers.push(Offer {
                        stat: read.stat.clone(),
                        ids: differing,
                        ours: mine.is_some(),
                    });
                }
                mine.map(|i| known[i].id)
            }
        };
        plan.held.extend(held);
    }
    // Files listed but neither known nor read (not ours by name) are never written either.
    for stat in listing {
        if !known.iter().any(|k| k.name == stat.name) {
            blocked.insert(stat.name.clone());
        }
    }
    let mut targeted: BTreeSet<String> = BTreeSet::new();
    for entry in app {
        if plan.held.contains(&entry.id) {
            continue;
        }
        match known.iter().find(|k| k.id == entry.id) {
            Some(k) if blocked.contains(&k.name) => plan.held.push(entry.id),
            Some(k) => {
                targeted.insert(k.name.clone());
                if k.hash != entry.hash {
                    plan.writes.push((entry.id, k.name.clone()));
                }
            }
            None => {
                let taken = |n: &str| {
                    blocked.contains(n) || targeted.contains(n) || known.iter().any(|k| k.name == n)
                };
                let name = file_name(&entry.name, entry.id, taken);
                targeted.insert(name.clone());
                plan.writes.push((entry.id, name));
            }
        }
    }
    plan.left = known
        .iter()
        .filter(|k| !here.contains_key(&k.id))
        .map(|k| k.name.clone())
        .collect();
    plan.known = known;
    plan
}

/// A file holding exactly what is here: becomes the assessment's own file when it holds just
/// that one and the assessment has no file yet; otherwise it is a copy, left alone.
fn adopt(
    known: &mut Vec<Known>,
    mine: Option<usize>,
    read: &Read,
    list: &[(Uuid, String)],
    blocked: &mut BTreeSet<String>,
) {
    let name = &read.stat.name;
    let own = match list {
        [(id, hash)] => {
            let has_file = known.iter().any(|k| k.id == *id && &k.name != name);
            (!has_file).then(|| Known {
                name: name.clone(),
                id: *id,
                hash: hash.clone(),
                modified: read.stat.modified,
                size: read.stat.size,
            })
        }
        _ => None,
    };
    if let Some(i) = mine {
        known.remove(i);
    }
    match own {
        Some(k) => known.push(k),
        None => _ = blocked.insert(name.clone()),
    }
}

/// Records a write: the file now holds the assessment with fingerprint `hash`, as `stat` says.
pub fn wrote(known: &mut Vec<Known>, id: Uuid, hash: &str, stat: Stat) {
    known.retain(|k| k.id != id && k.name != stat.name);
    known.push(Known {
        name: stat.name,
        id,
        hash: hash.to_string(),
        modified: stat.modified,
        size: stat.size,
    });
}

/// The user chose to keep this browser's version of a changed file of ours: it becomes known as
/// it is now, with no fingerprint, so the next pass writes the assessment over it.
pub fn overwrite(known: &mut Vec<Known>, id: Uuid, stat: &Stat) {
    wrote(known, id, "", stat.clone());
}

/// A new file's name: the assessment's name as a slug plus the first 8 characters of its id
/// (`harbourline-logistics-3f2a9c1e.cto.json`), so renaming the assessment later keeps its file
/// (the name is chosen once) and two assessments of the same name get two files. When `taken`
/// says the name is used, the whole id is used instead.
pub fn file_name(display: &str, id: Uuid, taken: impl Fn(&str) -> bool) -> String {
    let slug = slug(display, MAX_SLUG);
    let slug = if slug.is_empty() { "assessment" } else { &slug };
    let simple = id.simple().to_string();
    let short = format!("{slug}-{}{EXTENSION}", &simple[..8]);
    if taken(&short) {
        format!("{slug}-{simple}{EXTENSION}")
    } else {
        short
    }
}

/// Lowercase letters and digits of `label` (any script), runs of anything else as one `-`, at
/// most `max` characters: safe as a file name on every file system.
pub fn slug(label: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in label.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-')
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u8) -> Uuid {
        Uuid::from_bytes([n; 16])
    }

    fn entry(n: u8, name: &str, hash: &str) -> Entry {
        Entry {
            id: id(n),
            name: name.into(),
            hash: hash.into(),
        }
    }

    fn stat(name: &str, modified: i64) -> Stat {
        Stat {
            name: name.into(),
            modified,
            size: 100,
        }
    }

    fn known(n: u8, name: &str, hash: &str, modified: i64) -> Known {
        Known {
            name: name.into(),
            id: id(n),
            hash: hash.into(),
            modified,
            size: 100,
        }
    }

    fn read(name: &str, modified: i64, list: &[(u8, &str)]) -> Read {
        Read {
            stat: stat(name, modified),
            contents: Contents::Assessments(
                list.iter().map(|(n, h)| (id(*n), h.to_string())).collect(),
            ),
        }
    }

    #[test]
    fn a_new_folder_gets_one_file_per_assessment_named_from_name_and_short_id() {
        let app = [entry(1, "Acme Ltd", "h1"), entry(2, "Acme Ltd", "h2")];
        let p = plan(&app, &[], &[], &[], &[]);
        assert_eq!(
            p.writes,
            vec![
                (id(1), "acme-ltd-01010101.cto.json".to_string()),
                (id(2), "acme-ltd-02020202.cto.json".to_string()),
            ]
        );
        assert!(p.offers.is_empty() && p.held.is_empty() && p.left.is_empty());
    }

    #[test]
    fn only_changed_assessments_are_written_again_and_a_rename_keeps_the_file() {
        let listing = [stat("old-name-01010101.cto.json", 5), stat("b.cto.json", 5)];
        let known = [
            known(1, "old-name-01010101.cto.json", "h1", 5),
            known(2, "b.cto.json", "h2", 5),
        ];
        let app = [entry(1, "New name", "h1-edited"), entry(2, "B", "h2")];
        assert!(to_read(&listing, &known).is_empty());
        let p = plan(&app, &listing, &known, &[], &[]);
        assert_eq!(
            p.writes,
            vec![(id(1), "old-name-01010101.cto.json".to_string())]
        );
    }

    #[test]
    fn a_file_changed_in_the_folder_is_read_offered_and_never_written_over() {
        let listing = [stat("a.cto.json", 9)];
        let known = [known(1, "a.cto.json", "h1", 5)];
        assert_eq!(to_read(&listing, &known), vec![&listing[0]]);
        let app = [entry(1, "A", "h1-here")];
        let reads = [read("a.cto.json", 9, &[(1, "h1-there")])];
        let p = plan(&app, &listing, &known, &reads, &[]);
        assert!(p.writes.is_empty(), "the other device's edit must survive");
        assert_eq!(p.held, vec![id(1)]);
        assert_eq!(p.offers.len(), 1);
        assert_eq!(p.offers[0].ids, vec![id(1)]);
        assert!(p.offers[0].ours);
        // Dismissed: no longer offered, still not written over.
        let p = plan(&app, &listing, &known, &reads, &[stat("a.cto.json", 9)]);
        assert!(p.offers.is_empty() && p.writes.is_empty());
        assert_eq!(p.held, vec![id(1)]);
    }

    #[test]
    fn after_the_import_the_file_is_adopted_and_nothing_is_written() {
        let listing = [stat("a.cto.json", 9)];
        let before = [known(1, "a.cto.json", "h1", 5)];
        // The user imported the folder's version: here now equals the file.
        let app = [entry(1, "A", "h1-there")];
        let reads = [read("a.cto.json", 9, &[(1, "h1-there")])];
        let p = plan(&app, &listing, &before, &reads, &[]);
        assert!(p.writes.is_empty() && p.offers.is_empty() && p.held.is_empty());
        assert_eq!(p.known, vec![known(1, "a.cto.json", "h1-there", 9)]);
    }

    #[test]
    fn keeping_this_browsers_version_writes_over_the_changed_file() {
        let listing = [stat("a.cto.json", 9)];
        let mut known = vec![known(1, "a.cto.json", "h1", 5)];
        overwrite(&mut known, id(1), &listing[0]);
        let app = [entry(1, "A", "h1-here")];
        assert!(to_read(&listing, &known).is_empty());
        let p = plan(&app, &listing, &known, &[], &[]);
        assert_eq!(p.writes, vec![(id(1), "a.cto.json".to_string())]);
    }

    #[test]
    fn a_file_touched_but_unchanged_is_not_offered_and_this_browsers_edit_is_written() {
        let listing = [stat("a.cto.json", 9)];
        let known = [known(1, "a.cto.json", "h1", 5)];
        let app = [entry(1, "A", "h1-edited")];
        let reads = [read("a.cto.json", 9, &[(1, "h1")])];
        let p = plan(&app, &listing, &known, &reads, &[]);
        assert!(p.offers.is_empty());
        assert_eq!(p.writes, vec![(id(1), "a.cto.json".to_string())]);
        assert_eq!(p.known[0].modified, 9);
    }

    #[test]
    fn a_folder_from_another_device_is_adopted_file_by_file() {
        // A reload with the stored knowledge lost, or a folder filled by another device.
        let listing = [stat("acme-01010101.cto.json", 3), stat("b.cto.json", 4)];
        let reads = [
            read("acme-01010101.cto.json", 3, &[(1, "h1")]),
            read("b.cto.json", 4, &[(2, "h2-other")]),
        ];
        let app = [entry(1, "Acme", "h1"), entry(2, "B", "h2")];
        let p = plan(&app, &listing, &[], &reads, &[]);
        assert_eq!(p.known.len(), 1);
        assert_eq!(p.known[0].id, id(1));
        // B's file differs and was not written here: offered, and B gets a file of its own
        // rather than writing over one this app never wrote.
        assert_eq!(p.offers.len(), 1);
        assert!(!p.offers[0].ours);
        assert_eq!(p.writes, vec![(id(2), "b-02020202.cto.json".to_string())]);
    }

    #[test]
    fn a_new_assessment_from_another_device_is_offered() {
        let listing = [stat("new.cto.json", 3)];
        let reads = [read("new.cto.json", 3, &[(7, "h7")])];
        let p = plan(&[], &listing, &[], &reads, &[]);
        assert_eq!(p.offers[0].ids, vec![id(7)]);
        assert!(p.writes.is_empty());
    }

    #[test]
    fn unreadable_and_foreign_files_are_reported_and_left_alone() {
        let listing = [
            stat("a-01010101.cto.json", 3),
            stat("notes.txt", 3),
            stat("a-copy.cto.json", 3),
        ];
        let reads = vec![Read {
            stat: stat("a-01010101.cto.json", 3),
            contents: Contents::Unreadable("not JSON".into()),
        }];
        assert_eq!(to_read(&listing, &[]).len(), 2, "notes.txt is not ours");
        let app = [entry(1, "A", "h1")];
        let p = plan(&app, &listing, &[], &reads, &[]);
        assert_eq!(
            p.unreadable,
            vec![("a-01010101.cto.json".into(), "not JSON".into())]
        );
        // The natural name is taken by a file this app cannot read: the whole id is used.
        assert_eq!(
            p.writes,
            vec![(
                id(1),
                "a-01010101010101010101010101010101.cto.json".to_string()
            )]
        );
    }

    #[test]
    fn a_workspace_file_is_never_adopted_as_one_assessments_file() {
        let listing = [stat("all.cto.json", 3)];
        let reads = [read("all.cto.json", 3, &[(1, "h1"), (2, "h2")])];
        let app = [entry(1, "A", "h1"), entry(2, "B", "h2")];
        let p = plan(&app, &listing, &[], &reads, &[]);
        assert!(p.offers.is_empty());
        assert!(p.known.is_empty());
        assert_eq!(p.writes.len(), 2);
        assert!(p.writes.iter().all(|(_, n)| n != "all.cto.json"));
    }

    #[test]
    fn a_deleted_assessments_file_is_left_and_said() {
        let listing = [stat("a.cto.json", 5)];
        let known = [known(1, "a.cto.json", "h1", 5)];
        let p = plan(&[], &listing, &known, &[], &[]);
        assert_eq!(p.left, vec!["a.cto.json".to_string()]);
        assert!(p.writes.is_empty());
    }

    #[test]
    fn a_file_removed_from_the_folder_is_written_again() {
        let known = [known(1, "a.cto.json", "h1", 5)];
        let app = [entry(1, "A", "h1")];
        let p = plan(&app, &[], &known, &[], &[]);
        assert_eq!(p.writes, vec![(id(1), "a-01010101.cto.json".to_string())]);
    }

    #[test]
    fn names_are_safe_file_names() {
        let n = file_name("../../etc/passwd", id(1), |_| false);
        assert_eq!(n, "etc-passwd-01010101.cto.json");
        assert_eq!(
            file_name("  ", id(1), |_| false),
            "assessment-01010101.cto.json"
        );
        assert_eq!(
            file_name("星云科技", id(1), |_| false),
            "星云科技-01010101.cto.json"
        );
        let long = file_name(&"x".repeat(300), id(1), |_| false);
        assert!(long.len() < 70);
        for n in [n, long] {
            assert!(!n.contains('/') && !n.contains('\\') && !n.starts_with('.'));
            assert!(is_ours(&n));
        }
        assert!(!is_ours(".cto.json"));
        assert!(is_ours("A.CTO.JSON"));
    }
}
