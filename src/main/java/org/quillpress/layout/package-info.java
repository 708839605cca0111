/**
 * What every page's layout reads from any feature: the site, the viewer, the navigation, the sign-in
 * providers and the form fields ({@link org.quillpress.layout.Globals}, Qute template globals).
 * <p>
 * Rules: the top of the tree, so no feature package may depend on it.
 */
package org.quillpress.layout;
