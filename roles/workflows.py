"""What happens when a workflow's last approval is given (WAGTAIL_FINISH_WORKFLOW_ACTION).

Imported while Wagtail's models load: no model imports at module level.
"""


def publish_approved(workflow_state, user=None):
    """Publish the approved revision, in the approver's name.

    Wagtail's default publishes with the approver's own publishing permission, so a
    Redaktion member approving a colleague's news (four-eyes) could not finish the workflow.
    The approval is the permission here: only the task's groups (and never the author, see
    FourEyesApprovalTask) can give it.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
