/**
 * First start: the owner account made from the environment ({@link org.quillpress.setup.OwnerBootstrap}) or
 * through {@code /setup} with a one-time token from the log ({@link org.quillpress.setup.SetupResource}).
 * <p>
 * Rules: setup answers only while the site has no owner.
 */
package org.quillpress.setup;
