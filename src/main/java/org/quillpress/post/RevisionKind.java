package org.quillpress.post;

/** Why a revision was kept: a save, a save that brought back an older revision, or the editor's autosaved copy. */
public enum RevisionKind {
    SAVE,
    RESTORE,
    AUTOSAVE
}
