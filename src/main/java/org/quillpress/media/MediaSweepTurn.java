package org.quillpress.media;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The orphan sweep's turn: one row, which one instance at a time claims ({@link MediaSweep}). */
@Entity
@Table(name = "media_sweep")
public class MediaSweepTurn extends PanacheEntityBase {

    @Id
    public Integer id;

    @Column(name = "last_run", nullable = false)
    public Instant lastRun;
}
