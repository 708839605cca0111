/**
 * Moving from and to WordPress: WXR import (upload at {@link org.quillpress.wxr.WxrResource}, or the
 * {@code import-wxr} command, {@link org.quillpress.wxr.WxrCommand}), export as WXR and JSON, and old WordPress
 * addresses answering 301 ({@link org.quillpress.wxr.LegacyUrls}).
 * <p>
 * Rules: the file is streamed and stored in batches, one transaction each; importing the same file twice
 * changes nothing; imported items obey the same rules as the services' (slugs, threading).
 */
package org.quillpress.wxr;
