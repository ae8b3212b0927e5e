//! Writes output files whole or not at all: the bytes go to a temporary
//! file beside the target, which is renamed over it only once everything
//! is written and flushed, so a kill, a full disk or an error leaves the
//! earlier file as it was.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The temporary file beside `path` (same folder, so the rename is atomic).
pub fn temp_beside(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".to_string());
    path.with_file_name(format!(".{name}.{}.partial", std::process::id()))
}

/// Writes `bytes` to `path` atomically: the old file stays intact on any
/// failure, and no temporary file is left behind.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = temp_beside(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// Like [`write()`], for output written piece by piece: `f` writes into a
/// buffered temporary file beside `path`, renamed over it once `f` has
/// succeeded and the file is flushed.
pub fn write_with<E: From<io::Error>>(
    path: &Path,
    f: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let tmp = temp_beside(path);
    let result = (|| {
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&tmp)?;
        let mut w = io::BufWriter::with_capacity(1 << 16, file);
        f(&mut w)?;
        let file = w.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Protects issue 14 fault 3: a failed write keeps the earlier file and
    /// leaves no temporary file.
    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("g.dot");
        write(&out, b"first").unwrap();
        write(&out, b"second").unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"second");
        // The target is now a folder: the rename fails, nothing is lost.
        let blocked = dir.path().join("dir");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("keep"), b"x").unwrap();
        assert!(write(&blocked, b"third").is_err());
        assert_eq!(fs::read(blocked.join("keep")).unwrap(), b"x");
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["dir", "g.dot"]);
    }
}
