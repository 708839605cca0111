package org.quillpress.media;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.quillpress.security.CurrentUser;
import org.quillpress.web.ExternalImages;
import org.quillpress.web.InvalidInputException;

/**
 * The write page's "Copy into the library": the image is downloaded ({@link RemoteImages}, which refuses
 * private and local addresses), then stored exactly like an upload by the signed-in author.
 */
@ApplicationScoped
public class ExternalImageCopies implements ExternalImages {

    @Inject
    RemoteImages remote;

    @Inject
    MediaService media;

    @Inject
    CurrentUser currentUser;

    @Override
    public Copy copy(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return new Failed("“" + url + "” is not a valid address.");
        }
        RemoteImages.Result result = remote.fetch(uri);
        if (result instanceof RemoteImages.Refused refused) {
            return new Failed(refused.reason());
        }
        RemoteImages.Fetched fetched = (RemoteImages.Fetched) result;
        try {
            MediaService.Uploaded uploaded = media.upload(fetched.bytes(), nameOf(fetched.from()), "", "",
                    currentUser.require());
            return new Copied(MediaView.of(uploaded.media()).url());
        } catch (InvalidInputException e) {
            return new Failed(e.errors().getOrDefault("file", "The file cannot be stored as an image."));
        }
    }

    /** The last part of the address's path, as the library lists the image. */
    private static String nameOf(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.isBlank() ? uri.getHost() : name;
    }
}
