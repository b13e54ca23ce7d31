//! Writes the consultant-scale benchmark workspace (see `domain::demo::large`) as export files:
//! the whole workspace, and next to it `heavy.json` holding only the heavy assessment.
//!
//! Usage: `cargo run --release --bin gen_workspace -- [OUT.json] [--seed N] [--today YYYY-MM-DD]`
//! (default `target/bench/workspace.json`, seed 1, today's date in UTC). The same seed and date
//! give the same files byte for byte. The output is for benchmarks only and is not committed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{NaiveDate, NaiveTime, Utc};
use cto_workbench::domain::demo::large::large_workspace;
use cto_workbench::format::{self, FileKind};

const DEFAULT_OUT: &str = "target/bench/workspace.json";
const HEAVY_NAME: &str = "heavy.json";

struct Args {
    out: PathBuf,
    seed: u64,
    today: NaiveDate,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        out: PathBuf::from(DEFAULT_OUT),
        seed: 1,
        today: Utc::now().date_naive(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--seed" => {
                let v = it.next().ok_or("--seed needs a number")?;
                args.seed = v.parse().map_err(|_| format!("--seed {v}: not a number"))?;
            }
            "--today" => {
                let v = it.next().ok_or("--today needs a date")?;
                args.today = NaiveDate::parse_from_str(&v, "%Y-%m-%d")
                    .map_err(|_| format!("--today {v}: expected YYYY-MM-DD"))?;
            }
            "-h" | "--help" => {
                return Err(
                    "usage: gen_workspace [OUT.json] [--seed N] [--today YYYY-MM-DD]".into(),
                )
            }
            path => args.out = PathBuf::from(path),
        }
    }
    Ok(args)
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let workspace = large_workspace(args.seed, args.today);
    let exported_at = args
        .today
        .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
        .and_utc();
    let all = format::export(FileKind::Workspace, &workspace.assessments, exported_at);
    let heavy = format::export(
        FileKind::Assessment,
        &workspace.assessments[..1],
        exported_at,
    );
    let heavy_path = args.out.with_file_name(HEAVY_NAME);
    write(&args.out, &all)?;
    write(&heavy_path, &heavy)?;
    let stored: usize = workspace
        .assessments
        .iter()
        .map(|a| format::encode_stored(a).len())
        .sum();
    let mb = |bytes: usize| bytes as f64 / 1_048_576.0;
    println!(
        "seed {}, today {}: {} assessments",
        args.seed,
        args.today,
        workspace.assessments.len()
    );
    println!(
        "{}: {} bytes ({:.2} MiB)",
        args.out.display(),
        all.len(),
        mb(all.len())
    );
    println!(
        "{}: {} bytes ({:.2} MiB)",
        heavy_path.display(),
        heavy.len(),
        mb(heavy.len())
    );
    println!(
        "as stored in the browser (compact JSON, all assessments): {stored} bytes ({:.2} MiB)",
        mb(stored)
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_workspace: {e}");
            ExitCode::FAILURE
        }
    }
}
