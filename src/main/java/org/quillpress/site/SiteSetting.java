package org.quillpress.site;

import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One named site setting, stored as text. {@link SiteSettings} gives them types and defaults. */
@Entity
@Table(name = "site_setting")
public class SiteSetting extends PanacheEntityBase {

    @Id
    public String name;

    @Column(name = "setting_value", nullable = false)
    public String value;

    public static Optional<String> get(String name) {
        return SiteSetting.<SiteSetting> findByIdOptional(name).map(s -> s.value);
    }

    public static void put(String name, String value) {
        SiteSetting setting = findById(name);
        if (setting == null) {
            setting = new SiteSetting();
            setting.name = name;
            setting.value = value;
            setting.persist();
        } else {
            setting.value = value;
        }
    }
}
