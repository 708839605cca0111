package org.quillpress.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.quillpress.account.Role;
import org.quillpress.moderation.ModerationService;
import org.quillpress.security.CurrentUser;
import org.quillpress.site.SiteSettings;
import org.quillpress.team.InvitationForm;
import org.quillpress.team.Invitations;
import org.quillpress.web.AdminMessages;
import org.quillpress.web.InvalidInputException;
import org.quillpress.web.StaffText;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The admin pages: site settings, accounts and roles (categories and tags: {@link TermsResource}). */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_ROLE)
public class AdminResource {

    @Inject
    ModerationService moderation;

    @Inject
    StaffText staff;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(SettingsForm form, Map<String, String> errors, String notice);

        static native TemplateInstance accounts(List<AdminService.AccountRow> accounts, String query,
                List<Role> roles, Map<String, String> errors, String notice, Invites invites);
    }

    @Inject
    AdminService admin;

    @Inject
    Invitations invitations;

    /** The accounts page's invitation part: the form, the invitations still waiting, and whether readers sign up. */
    public record Invites(InvitationForm form, List<Invitations.Pending> pending, boolean signUpOpen) {
    }

    @Inject
    SiteSettings settings;

    @GET
    public TemplateInstance settingsPage(@RestQuery String saved) {
        SiteSettings.Site site = settings.current();
        return Templates.settings(SettingsForm.of(site), Map.of(), saved != null ? staff.admin().settingsSaved() : null);
    }

    @POST
    @Path("settings")
    public Response saveSettings(@BeanParam SettingsForm form) {
        try {
            admin.saveSettings(form);
            return Response.seeOther(URI.create("/admin?saved=1")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.settings(form, e.errors(), null)).build();
        }
    }

    @GET
    @Path("accounts")
    public TemplateInstance accountsPage(@RestQuery String q, @RestQuery String saved) {
        AdminMessages text = staff.admin();
        String notice = saved == null ? null : switch (saved) {
            case "banned" -> text.accDoneBanned();
            case "unbanned" -> text.accDoneUnbanned();
            case "invited" -> text.accDoneInvited();
            case "revoked" -> text.accDoneRevoked();
            case "sign-up" -> text.accDoneSignUp();
            default -> text.accDoneRole();
        };
        return Templates.accounts(admin.accounts(q), q == null ? "" : q, List.of(Role.values()), Map.of(), notice,
                invites(InvitationForm.blank()));
    }

    @POST
    @Path("accounts/{id}/ban")
    public Response ban(@RestPath long id, @BeanParam AccountBanForm form) {
        try {
            moderation.banAccount(id, form.reason(), form.days(), currentUser.require());
            return Response.seeOther(URI.create("/admin/accounts?saved=banned")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status())
                    .entity(Templates.accounts(admin.accounts(null), "", List.of(Role.values()), e.errors(), null,
                            invites(InvitationForm.blank())))
                    .build();
        }
    }

    @POST
    @Path("accounts/{id}/unban")
    public Response unban(@RestPath long id) {
        moderation.liftAccountBan(id);
        return Response.seeOther(URI.create("/admin/accounts?saved=unbanned")).build();
    }

    @POST
    @Path("accounts/{id}/role")
    public Response setRole(@RestPath long id, @RestForm String role) {
        try {
            admin.setRole(id, role);
            return Response.seeOther(URI.create("/admin/accounts?saved=1")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status())
                    .entity(Templates.accounts(admin.accounts(null), "", List.of(Role.values()), e.errors(), null,
                            invites(InvitationForm.blank())))
                    .build();
        }
    }

    @POST
    @Path("invitations")
    public Response invite(@BeanParam InvitationForm form) {
        try {
            invitations.invite(form, currentUser.require());
            return Response.seeOther(URI.create("/admin/accounts?saved=invited")).build();
        } catch (InvalidInputException e) {
            return Response.status(e.status()).entity(Templates.accounts(admin.accounts(null), "",
                    List.of(Role.values()), e.errors(), null, invites(form))).build();
        }
    }

    @POST
    @Path("invitations/{id}/revoke")
    public Response revokeInvitation(@RestPath long id) {
        invitations.revoke(id);
        return Response.seeOther(URI.create("/admin/accounts?saved=revoked")).build();
    }

    @POST
    @Path("accounts/sign-up")
    public Response readerSignUp(@RestForm String open) {
        admin.setReaderSignUp(open != null);
        return Response.seeOther(URI.create("/admin/accounts?saved=sign-up")).build();
    }

    private Invites invites(InvitationForm form) {
        return new Invites(form, invitations.pending(), admin.readerSignUpOpen());
    }
}
